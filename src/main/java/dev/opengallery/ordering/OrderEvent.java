package dev.opengallery.ordering;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Who moved an order, when and why: one row of {@code order_event}, part of the {@link CustomerOrder} aggregate.
 * Created only by the order's methods (and, set-based, by the sweeps in {@link OrderMoves}); never changed. The
 * mapping describes the table; the order writes its new events in one batched statement (see
 * {@link CustomerOrder#save}).
 */
@Entity
@Table(name = "order_event")
public class OrderEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "order_id", nullable = false)
    UUID orderId;

    @Column(name = "at", nullable = false)
    OffsetDateTime at;

    @Column(name = "actor_id")
    UUID actorId;

    @Column(name = "actor_role", nullable = false)
    String actorRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    OrderState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    OrderState toState;

    @Column(name = "reason")
    String reason;

    protected OrderEvent() {
    }

    OrderEvent(UUID orderId, OffsetDateTime at, UUID actorId, String actorRole, OrderState fromState,
            OrderState toState, String reason) {
        this.orderId = orderId;
        this.at = at;
        this.actorId = actorId;
        this.actorRole = actorRole;
        this.fromState = fromState;
        this.toState = toState;
        this.reason = reason;
    }

    /** How {@link CustomerOrder} writes its events: in one batch per save (see {@link CustomerOrder#save}). */
    static final String INSERT = """
            insert into order_event (order_id, at, actor_id, actor_role, from_state, to_state, reason)
            values ($1, $2, $3, $4, $5, $6, $7)""";

    Tuple values() {
        return Tuple.tuple().addValue(orderId).addValue(at).addValue(actorId).addValue(actorRole)
                .addValue(fromState == null ? null : fromState.name()).addValue(toState.name()).addValue(reason);
    }

    public UUID orderId() {
        return orderId;
    }

    public OrderState fromState() {
        return fromState;
    }

    public OrderState toState() {
        return toState;
    }

    public String reason() {
        return reason;
    }
}
