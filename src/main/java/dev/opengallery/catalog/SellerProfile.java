package dev.opengallery.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.opengallery.core.ProblemException;
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

    /** A new profile for the seller's account. */
    static SellerProfile create(UUID accountId, SellerProfileRequest request, OffsetDateTime now) {
        SellerProfile p = new SellerProfile();
        p.accountId = accountId;
        p.createdAt = now;
        p.apply(request, now);
        return p;
    }

    /** Updates the profile from what the seller sent, which must name the version it read. */
    void update(SellerProfileRequest request, OffsetDateTime now) {
        if (request.version() == null) {
            throw ProblemException.invalid("version", "is required when updating the profile");
        }
        if (request.version() != version) {
            throw ProblemException.staleVersion("The seller profile");
        }
        apply(request, now);
    }

    private void apply(SellerProfileRequest request, OffsetDateTime now) {
        companyName = request.companyName().trim();
        serviceEmail = request.serviceEmail().trim();
        servicePhone = request.servicePhone().trim();
        supportRange = request.supportRange().trim();
        updatedAt = now;
    }

    public SellerInfo info() {
        return new SellerInfo(accountId, companyName, serviceEmail, servicePhone, supportRange);
    }
}
