package dev.opengallery.apps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.opengallery.core.Tx;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** What happened to a purchased app: who, when, what, and the order that paid for it (append only). */
@Entity
@Table(name = "subscription_event")
public class SubscriptionEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "subscription_id")
    private UUID subscriptionId;

    @Column(name = "at")
    private OffsetDateTime at;

    @Column(name = "actor_id")
    private UUID actorId;

    @Column(name = "actor_role", columnDefinition = "text")
    private String actorRole;

    @Column(name = "kind", columnDefinition = "text")
    private String kind;

    @Column(name = "from_status", columnDefinition = "text")
    private String fromStatus;

    @Column(name = "to_status", columnDefinition = "text")
    private String toStatus;

    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "note", columnDefinition = "text")
    private String note;

    protected SubscriptionEvent() {
    }

    /** Records what happened to a subscription, in the caller's transaction. */
    public static Uni<Void> record(Tx tx, UUID subscriptionId, Instant at, UUID actorId, String actorRole, String kind,
            AppStatus from, AppStatus to, UUID orderId, String note) {
        SubscriptionEvent e = new SubscriptionEvent();
        e.subscriptionId = subscriptionId;
        e.at = at.atOffset(ZoneOffset.UTC);
        e.actorId = actorId;
        e.actorRole = actorRole;
        e.kind = kind;
        e.fromStatus = from == null ? null : from.name();
        e.toStatus = to == null ? null : to.name();
        e.orderId = orderId;
        e.note = note;
        return tx.session().persist(e);
    }
}
