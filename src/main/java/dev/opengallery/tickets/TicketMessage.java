package dev.opengallery.tickets;

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
 * One message or move of a {@link Ticket}: who, as what, when, from which state to which, and its text. Part of the
 * ticket's aggregate, created only by its methods (and, set-based, by {@link TicketJobs}); never changed.
 */
@Entity
@Table(name = "ticket_message")
public class TicketMessage extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    Long seq;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    UUID ticketId;

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
    TicketState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    TicketState toState;

    @Column(name = "text", updatable = false)
    String text;

    protected TicketMessage() {
    }

    TicketMessage(UUID ticketId, OffsetDateTime at, Who who, String action, TicketState from, TicketState to,
            String text) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.at = at;
        this.actorId = who.accountId();
        this.actorRole = who.actor().role();
        this.action = action;
        this.fromState = from;
        this.toState = to;
        this.text = text;
    }

    UUID id() {
        return id;
    }
}
