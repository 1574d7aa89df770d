package dev.opengallery.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A seller's public profile (Hibernate Reactive Panache entity, optimistic locking by version). */
@Entity
@Table(name = "seller_profile")
public class SellerProfile extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "company_name", columnDefinition = "text")
    public String companyName;

    @Column(name = "service_email", columnDefinition = "text")
    public String serviceEmail;

    @Column(name = "service_phone", columnDefinition = "text")
    public String servicePhone;

    @Column(name = "support_range", columnDefinition = "text")
    public String supportRange;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public SellerInfo info() {
        return new SellerInfo(accountId, companyName, serviceEmail, servicePhone, supportRange);
    }
}
