package dev.opengallery.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One move of a {@link ServiceFlow} (or something that happened to it without a move): who, as what, when, from
 * which state to which, with its note. Part of the flow's aggregate: created only by the flow's methods (and,
 * set-based, by {@link SupervisionJobs}); never changed.
 */
@Entity
@Table(name = "flow_operation")
public class FlowOperation extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    /** The table's identity column: the order of the records. */
    @Column(name = "seq", insertable = false, updatable = false)
    Long seq;

    @Column(name = "flow_id", nullable = false, updatable = false)
    UUID flowId;

    @Column(name = "at", nullable = false, updatable = false)
    OffsetDateTime at;

    @Column(name = "actor_id", updatable = false)
    UUID actorId;

    @Column(name = "actor_role", nullable = false, updatable = false)
    String actorRole;

    @Column(name = "action", nullable = false, updatable = false)
    String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    FlowState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    FlowState toState;

    @Column(name = "milestone", nullable = false, updatable = false)
    int milestone;

    @Column(name = "note", updatable = false)
    String note;

    protected FlowOperation() {
    }

    FlowOperation(UUID flowId, OffsetDateTime at, Who who, String action, FlowState from, FlowState to, int milestone,
            String note) {
        this.id = UUID.randomUUID();
        this.flowId = flowId;
        this.at = at;
        this.actorId = who.accountId();
        this.actorRole = who.actor().role();
        this.action = action;
        this.fromState = from;
        this.toState = to;
        this.milestone = milestone;
        this.note = note;
    }

    UUID id() {
        return id;
    }
}
