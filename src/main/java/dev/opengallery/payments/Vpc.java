package dev.opengallery.payments;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A customer's VPC (part of the account aggregate; image orders need one). Created, never changed afterwards, so it
 * carries no version. Names are unique per account (the database's key answers 409).
 */
@Entity
@Table(name = "vpc")
public class Vpc extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "account_id", updatable = false)
    UUID accountId;

    @Column(name = "name", columnDefinition = "text", updatable = false)
    String name;

    @Column(name = "cidr", columnDefinition = "text", updatable = false)
    String cidr;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    protected Vpc() {
    }

    static Vpc create(UUID accountId, String name, String cidr, OffsetDateTime now) {
        Vpc v = new Vpc();
        v.id = UUID.randomUUID();
        v.accountId = accountId;
        v.name = name;
        v.cidr = cidr;
        v.createdAt = now;
        return v;
    }

    /** The account's own VPC, or null (another account's VPC is not found either). */
    static Uni<Vpc> owned(UUID accountId, UUID id) {
        return Vpc.<Vpc> find("id = ?1 and accountId = ?2", id, accountId).firstResult();
    }

    /** A new security group in this VPC (names are unique per VPC). */
    SecurityGroup addSecurityGroup(String name, OffsetDateTime now) {
        return SecurityGroup.create(this, name, now);
    }

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String cidr() {
        return cidr;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
