package dev.opengallery.invoicing;

import static dev.opengallery.core.Times.ts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import dev.opengallery.core.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * An invoice over paid orders (Hibernate Reactive Panache entity; its orders are {@link InvoiceOrder}, its history
 * {@link InvoiceEvent}). Its state changes only through {@link #request}, {@link #issue}, {@link #askReturn},
 * {@link #returnByOperator} and {@link #reapply}, which ask {@link InvoiceLifecycle}; each move records an event,
 * and a move to RETURNED lets go of its orders. Optimistic locking by version.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "account_id", updatable = false)
    UUID accountId;

    @Column(name = "title", columnDefinition = "text")
    String title;

    @Column(name = "tax_id", columnDefinition = "text")
    String taxId;

    @Column(name = "amount", precision = 19, scale = 2)
    BigDecimal amount;

    @Column(name = "currency", updatable = false, columnDefinition = "char(3)")
    String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", columnDefinition = "text")
    InvoiceLifecycle.State state;

    @Column(name = "number", columnDefinition = "text")
    String number;

    @Column(name = "note", columnDefinition = "text")
    String note;

    @Column(name = "requested_at")
    OffsetDateTime requestedAt;

    @Column(name = "issued_at")
    OffsetDateTime issuedAt;

    @Column(name = "return_requested_at")
    OffsetDateTime returnRequestedAt;

    @Column(name = "returned_at")
    OffsetDateTime returnedAt;

    @Version
    @Column(name = "version")
    long version;

    /** What the moves since the last {@link #save} added beside the invoice: new order lines and events. */
    @Transient
    private List<InvoiceOrder> newLines = new ArrayList<>();
    @Transient
    private List<InvoiceEvent> newEvents = new ArrayList<>();
    @Transient
    private boolean fresh;

    protected Invoice() {
    }

    // -------------------------------------------------------------------------------------------- moves

    /** A new REQUESTED invoice over the orders, each with what was paid for it (in the order given). */
    static Invoice request(UUID id, UUID accountId, String title, String taxId, String currency,
            Map<UUID, BigDecimal> paid, UUID actor, Instant now) {
        Invoice i = new Invoice();
        i.fresh = true;
        i.id = id;
        i.accountId = accountId;
        i.title = title.strip();
        i.taxId = taxId.strip();
        i.currency = currency;
        i.state = InvoiceLifecycle.State.REQUESTED;
        i.amount = sum(paid);
        i.requestedAt = ts(now);
        paid.forEach((orderId, amount) -> i.newLines.add(new InvoiceOrder(id, orderId, amount)));
        i.record(actor, "customer", null, "applied over " + paid.size() + " order(s)", now);
        return i;
    }

    /** Refuses (409) unless the rule allows {@code action} now; checks that must come first call this. */
    void mustAllow(InvoiceLifecycle.Action action) {
        InvoiceLifecycle.next(state, action);
    }

    /** ISSUE (operator): the invoice gets its number. */
    void issue(String number, UUID operator, Instant now) {
        InvoiceLifecycle.State from = state;
        state = InvoiceLifecycle.next(state, InvoiceLifecycle.Action.ISSUE);
        this.number = number;
        issuedAt = ts(now);
        record(operator, "operator", from, "number " + number, now);
    }

    /** ASK_RETURN (customer): an issued invoice's return is requested; a requested one is withdrawn at once. */
    void askReturn(String reason, UUID customer, List<InvoiceOrder> lines, Instant now) {
        move(InvoiceLifecycle.Action.ASK_RETURN, reason, customer, "customer", lines, now);
    }

    /** RETURN (operator). */
    void returnByOperator(String reason, UUID operator, List<InvoiceOrder> lines, Instant now) {
        move(InvoiceLifecycle.Action.RETURN, reason, operator, "operator", lines, now);
    }

    private void move(InvoiceLifecycle.Action action, String reason, UUID actor, String role, List<InvoiceOrder> lines,
            Instant now) {
        InvoiceLifecycle.State from = state;
        state = InvoiceLifecycle.next(state, action);
        switch (state) {
            case RETURN_REQUESTED -> returnRequestedAt = ts(now);
            case RETURNED -> returnedAt = ts(now);
            default -> throw new IllegalStateException(action + " moved the invoice to " + state);
        }
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null) {
            this.note = note;
        }
        if (!state.live()) {
            lines.forEach(l -> l.live = false);
        }
        record(actor, role, from, note, now);
    }

    /**
     * REAPPLY (customer): a RETURNED invoice is requested again over the same orders, with what is paid for them now;
     * a blank title or tax id keeps the old one.
     */
    void reapply(String title, String taxId, Map<UUID, BigDecimal> paid, List<InvoiceOrder> lines, UUID customer,
            Instant now) {
        InvoiceLifecycle.State from = state;
        state = InvoiceLifecycle.next(state, InvoiceLifecycle.Action.REAPPLY);
        String was = number;
        number = null;
        amount = sum(paid);
        if (title != null && !title.isBlank()) {
            this.title = title.strip();
        }
        if (taxId != null && !taxId.isBlank()) {
            this.taxId = taxId.strip();
        }
        requestedAt = ts(now);
        issuedAt = null;
        returnRequestedAt = null;
        returnedAt = null;
        for (InvoiceOrder l : lines) {
            l.live = true;
            l.amount = paid.get(l.orderId);
        }
        record(customer, "customer", from, was == null ? "applied again" : "applied again (was number " + was + ")",
                now);
    }

    private void record(UUID actor, String role, InvoiceLifecycle.State from, String note, Instant now) {
        newEvents.add(new InvoiceEvent(id, ts(now), actor, role, from, state, note));
    }

    /**
     * Persists the invoice when new, then its new order lines, then (once those are written, since the events' ids
     * come from the database) its new events.
     */
    Uni<Void> save() {
        List<InvoiceOrder> lines = List.copyOf(newLines);
        List<InvoiceEvent> events = List.copyOf(newEvents);
        newLines.clear();
        newEvents.clear();
        Uni<Void> head = fresh ? persist().replaceWithVoid() : Uni.createFrom().voidItem();
        fresh = false;
        return head.chain(() -> lines.isEmpty() ? Uni.createFrom().voidItem() : InvoiceOrder.persist(lines))
                .chain(() -> flush())
                .chain(() -> events.isEmpty() ? Uni.createFrom().voidItem() : InvoiceEvent.persist(events))
                .chain(() -> flush());
    }

    // ------------------------------------------------------------------------------------------ finders

    /** The invoice, row-locked for a move; {@code accountId} (when given) must own it, or it is not found. */
    static Uni<Invoice> lock(UUID id, UUID accountId) {
        return Invoice.<Invoice> findById(id, LockModeType.PESSIMISTIC_WRITE).map(i -> {
            if (i == null || (accountId != null && !accountId.equals(i.accountId))) {
                throw ProblemException.notFound("Invoice");
            }
            return i;
        });
    }

    // ------------------------------------------------------------------------------------------ reading

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public InvoiceLifecycle.State state() {
        return state;
    }

    public String number() {
        return number;
    }

    public BigDecimal amount() {
        return amount;
    }

    private static BigDecimal sum(Map<UUID, BigDecimal> paid) {
        return paid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
