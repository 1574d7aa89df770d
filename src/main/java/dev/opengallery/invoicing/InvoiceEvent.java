package dev.opengallery.invoicing;

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

/** One state change of an invoice (part of the {@link Invoice} aggregate: recorded by its moves, never changed). */
@Entity
@Table(name = "invoice_event")
public class InvoiceEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "invoice_id", updatable = false)
    UUID invoiceId;

    @Column(name = "at", updatable = false)
    OffsetDateTime at;

    @Column(name = "actor_id", updatable = false)
    UUID actorId;

    @Column(name = "actor_role", updatable = false, columnDefinition = "text")
    String actorRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false, columnDefinition = "text")
    InvoiceLifecycle.State fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", updatable = false, columnDefinition = "text")
    InvoiceLifecycle.State toState;

    @Column(name = "note", updatable = false, columnDefinition = "text")
    String note;

    protected InvoiceEvent() {
    }

    InvoiceEvent(UUID invoiceId, OffsetDateTime at, UUID actorId, String actorRole, InvoiceLifecycle.State fromState,
            InvoiceLifecycle.State toState, String note) {
        this.invoiceId = invoiceId;
        this.at = at;
        this.actorId = actorId;
        this.actorRole = actorRole;
        this.fromState = fromState;
        this.toState = toState;
        this.note = note;
    }
}
