package dev.opengallery.tickets;

import static dev.opengallery.core.Times.ts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

import org.hibernate.annotations.DynamicUpdate;

import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.supervision.Upload;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A buyer's service ticket (Hibernate Reactive Panache entity, optimistic locking by version): the aggregate of its
 * {@link TicketMessage}s and {@link TicketAttachment}s. It changes only through the methods below, which ask
 * {@link TicketMachine} first and keep the service-level clock: {@code awaitingOperatorSince} runs while an operator's
 * answer is awaited (opened, the buyer or the seller answered, reopened) and stops, with the overdue flag, at the
 * operator's next answer.
 */
@Entity
@Table(name = "ticket")
@DynamicUpdate
public class Ticket extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, updatable = false)
    TicketCategory category;

    @Column(name = "subject", nullable = false, updatable = false)
    String subject;

    @Column(name = "description", nullable = false, updatable = false)
    String description;

    @Column(name = "order_id", updatable = false)
    UUID orderId;

    @Column(name = "app_id", updatable = false)
    UUID appId;

    @Column(name = "product_id", updatable = false)
    UUID productId;

    @Column(name = "seller_id", updatable = false)
    UUID sellerId;

    @Column(name = "seller_involved", nullable = false)
    boolean sellerInvolved;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    TicketState state;

    @Column(name = "assignee_id")
    UUID assigneeId;

    @Column(name = "awaiting_operator_since")
    OffsetDateTime awaitingOperatorSince;

    @Column(name = "overdue", nullable = false)
    boolean overdue;

    @Column(name = "overdue_since")
    OffsetDateTime overdueSince;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    CreditOutcome outcome;

    @Column(name = "granted_credit_limit")
    BigDecimal grantedCreditLimit;

    @Column(name = "resolved_at")
    OffsetDateTime resolvedAt;

    @Column(name = "closed_at")
    OffsetDateTime closedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    /** Messages and attachments made since loading, inserted by {@link #save}. */
    @Transient
    private final List<PanacheEntityBase> pending = new ArrayList<>();

    protected Ticket() {
    }

    /** A credit-limit ticket's resolution. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TicketCreditOutcome")
    public enum CreditOutcome {
        GRANTED, DECLINED
    }

    /** What a ticket concerns, checked against the buyer (see {@link TicketRelations}). */
    record Related(UUID orderId, UUID appId, UUID productId, UUID sellerId) {
        static final Related NONE = new Related(null, null, null, null);
    }

    /** A buyer opens a ticket: OPEN, awaiting an operator from now. */
    static Ticket open(Who buyer, TicketCategory category, String subject, String description, Related related,
            List<Upload> uploads, Instant now) {
        if (buyer.actor() != TicketActor.BUYER) {
            throw new IllegalArgumentException("only a buyer opens a ticket");
        }
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.accountId = buyer.accountId();
        t.category = category;
        t.subject = subject;
        t.description = description;
        t.orderId = related.orderId();
        t.appId = related.appId();
        t.productId = related.productId();
        t.sellerId = related.sellerId();
        t.state = TicketState.OPEN;
        t.awaitingOperatorSince = ts(now);
        t.createdAt = ts(now);
        t.updatedAt = ts(now);
        t.record(buyer, "OPEN", null, description, uploads, now);
        return t;
    }

    /** The ticket, row-locked until the transaction ends, if the caller sees it (else 404). */
    static Uni<Ticket> lock(UUID id, Who who) {
        return Ticket.<Ticket> findById(id, LockModeType.PESSIMISTIC_WRITE).map(t -> {
            if (t == null || !who.sees(t.accountId, t.sellerId, t.sellerInvolved)) {
                throw ProblemException.notFound("Ticket");
            }
            return t;
        });
    }

    /** Persists a new ticket or flushes the changes, and inserts the records made since loading. */
    Uni<Void> save(Tx tx, boolean isNew) {
        Object[] records = pending.toArray();
        pending.clear();
        Uni<Void> self = isNew ? tx.session().persist(this) : Uni.createFrom().voidItem();
        return self.chain(() -> tx.session().persistAll(records)).chain(tx::flush);
    }

    /** A message by the buyer, an operator or the involved seller; see {@link TicketMachine} for where it leads. */
    void reply(Who who, String text, List<Upload> uploads, Instant now, Duration reopenWithin) {
        TicketState from = state;
        TicketMachine.Outcome o = allow(TicketAction.REPLY, who, now, reopenWithin);
        move(who, o.next(), now);
        record(who, TicketAction.REPLY.name(), from, text, uploads, now);
    }

    /** The buyer reopens a resolved ticket within the period. */
    void reopen(Who who, String text, Instant now, Duration reopenWithin) {
        TicketState from = state;
        TicketMachine.Outcome o = allow(TicketAction.REOPEN, who, now, reopenWithin);
        move(who, o.next(), now);
        record(who, TicketAction.REOPEN.name(), from, text, List.of(), now);
    }

    /** The buyer or an operator closes the ticket (final). */
    void close(Who who, String text, Instant now, Duration reopenWithin) {
        TicketState from = state;
        TicketMachine.Outcome o = allow(TicketAction.CLOSE, who, now, reopenWithin);
        move(who, o.next(), now);
        closedAt = ts(now);
        record(who, TicketAction.CLOSE.name(), from, text, List.of(), now);
    }

    /** An operator assigns the ticket to itself or another operator: not a move, the clock keeps running. */
    void assign(Who operator, UUID assignee, String assigneeName, Instant now, Duration reopenWithin) {
        allow(TicketAction.ASSIGN, operator, now, reopenWithin);
        assigneeId = assignee;
        updatedAt = ts(now);
        record(operator, TicketAction.ASSIGN.name(), state, "Assigned to " + assigneeName, List.of(), now);
    }

    void askBuyer(Who operator, String text, Instant now, Duration reopenWithin) {
        TicketState from = state;
        TicketMachine.Outcome o = allow(TicketAction.ASK_BUYER, operator, now, reopenWithin);
        move(operator, o.next(), now);
        record(operator, TicketAction.ASK_BUYER.name(), from, text, List.of(), now);
    }

    void involveSeller(Who operator, String text, Instant now, Duration reopenWithin) {
        TicketState from = state;
        TicketMachine.Outcome o = allow(TicketAction.INVOLVE_SELLER, operator, now, reopenWithin);
        sellerInvolved = true;
        move(operator, o.next(), now);
        record(operator, TicketAction.INVOLVE_SELLER.name(), from, text, List.of(), now);
    }

    /**
     * An operator resolves the ticket. A credit-limit ticket needs an outcome (GRANTED with the limit, which the caller
     * sets on the account in the same transaction, or DECLINED); other tickets take none (400).
     */
    void resolve(Who operator, String text, CreditOutcome creditOutcome, BigDecimal creditLimit, Instant now,
            Duration reopenWithin) {
        TicketState from = state;
        TicketInput.resolution(category, creditOutcome, creditLimit);
        TicketMachine.Outcome o = allow(TicketAction.RESOLVE, operator, now, reopenWithin);
        outcome = creditOutcome;
        grantedCreditLimit = creditOutcome == CreditOutcome.GRANTED ? creditLimit : null;
        move(operator, o.next(), now);
        resolvedAt = ts(now);
        String note = creditOutcome == null ? text
                : creditOutcome == CreditOutcome.GRANTED
                        ? "Credit limit granted: " + creditLimit.toPlainString() + ". " + text
                        : "Credit limit request declined. " + text;
        record(operator, TicketAction.RESOLVE.name(), from, note, List.of(), now);
    }

    /** Refuses a stale version the client sent (null: not sent). */
    void expectVersion(Long expected) {
        if (expected != null && expected != version) {
            throw ProblemException.staleVersion("The ticket (version " + version + ", you sent " + expected + ")");
        }
    }

    private TicketMachine.Outcome allow(TicketAction action, Who who, Instant now, Duration reopenWithin) {
        TicketMachine.Outcome o = TicketMachine.decide(facts(), action, who.actor(), now, reopenWithin);
        if (!o.allowed()) {
            throw TicketRefusals.problem(o, state, TicketMachine.allowed(facts(), who.actor(), now, reopenWithin));
        }
        return o;
    }

    /**
     * Enters {@code next}. An operator's move answers the ticket (the service-level clock and the overdue flag
     * clear); a buyer's or seller's move that leaves the ticket with the operators starts the clock unless it runs.
     */
    private void move(Who who, TicketState next, Instant now) {
        state = next;
        updatedAt = ts(now);
        if (who.actor() == TicketActor.OPERATOR || !next.awaitsOperator()) {
            awaitingOperatorSince = null;
            overdue = false;
            overdueSince = null;
        } else if (awaitingOperatorSince == null) {
            awaitingOperatorSince = ts(now);
        }
        if (next == TicketState.IN_PROGRESS && (resolvedAt != null)) {
            // reopened: the earlier resolution no longer stands
            resolvedAt = null;
            outcome = null;
            grantedCreditLimit = null;
        }
    }

    private void record(Who who, String action, TicketState from, String text, List<Upload> uploads, Instant now) {
        TicketMessage m = new TicketMessage(id, ts(now), who, action, from, state, text);
        pending.add(m);
        for (int i = 0; i < uploads.size(); i++) {
            pending.add(new TicketAttachment(id, m.id(), who.accountId(), i, uploads.get(i), ts(now)));
        }
    }

    TicketFacts facts() {
        return new TicketFacts(state, sellerId != null, sellerInvolved,
                resolvedAt == null ? null : resolvedAt.toInstant());
    }

    UUID id() {
        return id;
    }

    UUID accountId() {
        return accountId;
    }

    UUID sellerId() {
        return sellerId;
    }

    UUID assigneeId() {
        return assigneeId;
    }

    TicketState state() {
        return state;
    }

    TicketCategory category() {
        return category;
    }

    String subject() {
        return subject;
    }
}
