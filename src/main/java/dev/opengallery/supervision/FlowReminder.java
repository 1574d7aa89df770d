package dev.opengallery.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A reminder the buyer sent the seller: part of the {@link ServiceFlow} aggregate, written once. */
@Entity
@Table(name = "flow_reminder")
public class FlowReminder extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "flow_id", nullable = false, updatable = false)
    UUID flowId;

    @Column(name = "account_id", nullable = false, updatable = false)
    UUID accountId;

    @Column(name = "sent_at", nullable = false, updatable = false)
    OffsetDateTime sentAt;

    protected FlowReminder() {
    }

    FlowReminder(UUID flowId, UUID accountId, OffsetDateTime sentAt) {
        this.id = UUID.randomUUID();
        this.flowId = flowId;
        this.accountId = accountId;
        this.sentAt = sentAt;
    }
}
