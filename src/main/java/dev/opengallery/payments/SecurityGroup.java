package dev.opengallery.payments;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A named security group of a VPC (part of the account aggregate); created through {@link Vpc}, never changed. */
@Entity
@Table(name = "security_group")
public class SecurityGroup extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "account_id", updatable = false)
    UUID accountId;

    @Column(name = "vpc_id", updatable = false)
    UUID vpcId;

    @Column(name = "name", columnDefinition = "text", updatable = false)
    String name;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    protected SecurityGroup() {
    }

    static SecurityGroup create(Vpc vpc, String name, OffsetDateTime now) {
        SecurityGroup g = new SecurityGroup();
        g.id = UUID.randomUUID();
        g.accountId = vpc.accountId;
        g.vpcId = vpc.id;
        g.name = name;
        g.createdAt = now;
        return g;
    }

    public UUID id() {
        return id;
    }

    public UUID vpcId() {
        return vpcId;
    }

    public String name() {
        return name;
    }
}
