package dev.opengallery.supervision;

import static dev.opengallery.core.Times.ts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.hibernate.annotations.OptimisticLock;

import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.ordering.OrderView;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The supervised delivery of a paid order (Hibernate Reactive Panache entity, optimistic locking by version): the
 * aggregate of its {@link FlowOperation}s with their {@link FlowAttachment}s, its {@link FlowAppeal}s and
 * {@link FlowReminder}s. Its state moves only through the methods below, which ask {@link FlowMachine} and
 * {@link AppealRules} first; a refusal is the problem the client sees. A move is loaded under a row lock
 * ({@link #lock}), so two moves at once run one after the other; the version guards every write all the same (a
 * stale write answers 409).
 */
@Entity
@Table(name = "service_flow")
@DynamicUpdate
public class ServiceFlow extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "order_id", nullable = false, updatable = false)
    UUID orderId;

    @Column(name = "account_id", nullable = false, updatable = false)
    UUID accountId;

    @Column(name = "seller_id", nullable = false, updatable = false)
    UUID sellerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    FlowState state;

    /** When the flow entered its state (or an operator resumed it): the turn clock. */
    @Column(name = "state_since", nullable = false)
    OffsetDateTime stateSince;

    @Column(name = "request_rejections", nullable = false)
    int requestRejections;

    @Column(name = "delivery_rejections", nullable = false)
    int deliveryRejections;

    @Column(name = "deliveries_this_round", nullable = false)
    int deliveriesThisRound;

    @Column(name = "milestone", nullable = false)
    int milestone;

    @Column(name = "request_text")
    String requestText;

    @Column(name = "requirement")
    String requirement;

    @Column(name = "accepted_at")
    OffsetDateTime acceptedAt;

    @Column(name = "closed_at")
    OffsetDateTime closedAt;

    /** A reminder is not a move: it changes neither the version nor the turn clock. */
    @OptimisticLock(excluded = true)
    @Column(name = "last_reminded_at")
    OffsetDateTime lastRemindedAt;

    /** Set by the appealability job (set-based); reset whenever the turn changes. */
    @Column(name = "appealable_at")
    OffsetDateTime appealableAt;

    /** The open appeal: while set, the flow is frozen. */
    @Column(name = "open_appeal_id")
    UUID openAppealId;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    /** What the moves need of the order and product, read when the flow is locked. */
    @Transient
    FlowContext context;

    /** Records (operations, attachments, appeals, reminders) made since the flow was loaded, saved by {@link #save}. */
    @Transient
    private final List<PanacheEntityBase> pending = new ArrayList<>();

    protected ServiceFlow() {
    }

    /** The flow of a paid supervised order: sellers of licenses act first, other products wait for the request. */
    static ServiceFlow open(OrderView order, Instant now) {
        ServiceFlow f = new ServiceFlow();
        f.id = UUID.randomUUID();
        f.orderId = order.id();
        f.accountId = order.accountId();
        f.sellerId = order.sellerId();
        f.state = order.productType() == ProductType.LICENSE ? FlowState.WAITING_FOR_SELLER
                : FlowState.WAITING_FOR_REQUEST;
        f.stateSince = ts(now);
        f.milestone = 1;
        f.createdAt = ts(now);
        f.updatedAt = ts(now);
        return f;
    }

    /** The flow, row-locked until the transaction ends, with its order's context, if the caller sees it (else 404). */
    static Uni<ServiceFlow> lock(Tx tx, UUID id, Who who) {
        return load(tx, id, who, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The flow with its order's context, read with {@code mode} (moves lock; see {@link #lock}). */
    static Uni<ServiceFlow> load(Tx tx, UUID id, Who who, LockModeType mode) {
        return ServiceFlow.<ServiceFlow> findById(id, mode).chain(f -> {
            if (f == null || !who.sees(f.accountId, f.sellerId)) {
                throw ProblemException.notFound("Service flow");
            }
            return tx.preparedQuery(FlowContext.SELECT).execute(Tuple.of(f.orderId, f.openAppealId))
                    .map(rows -> f.withContext(FlowContext.of(rows.iterator().next())));
        });
    }

    /** Inserts the records made since loading and flushes the flow's changes (version-checked). */
    Uni<Void> save(Tx tx) {
        Object[] records = pending.toArray();
        pending.clear();
        return tx.session().persistAll(records).chain(tx::flush);
    }

    /** The buyer's request (services: with a requirement description and files). */
    void submitRequest(Who who, String text, String description, List<Upload> uploads, Instant now,
            Duration silence) {
        FlowMachine.Outcome outcome = allow(FlowAction.SUBMIT_REQUEST, who, now, silence);
        if (!context.service() && description != null) {
            throw ProblemException.invalid("requirementDescription",
                    "only professional and consulting services take a requirement description");
        }
        if (!context.service() && !uploads.isEmpty()) {
            throw ProblemException.invalid("files", "only professional and consulting services take "
                    + "attachments with the request");
        }
        FlowState from = state;
        enter(outcome.next(), now);
        deliveriesThisRound = 0;
        requestText = text;
        requirement = description;
        String note = description == null ? text : text + "\n\nRequirement description:\n" + description;
        record(who, FlowAction.SUBMIT_REQUEST.name(), from, milestone, note, uploads, now);
    }

    /** The seller rejects the request; answers whether the buyer may now appeal on that ground. */
    boolean rejectRequest(Who who, String why, Instant now, Duration silence) {
        FlowMachine.Outcome outcome = allow(FlowAction.REJECT_REQUEST, who, now, silence);
        FlowState from = state;
        enter(outcome.next(), now);
        requestRejections++;
        record(who, FlowAction.REJECT_REQUEST.name(), from, milestone, why, List.of(), now);
        return requestRejections >= AppealRules.REQUEST_REJECTIONS;
    }

    /** The seller delivers: a license only with the offline delivery confirmed, application info only for SaaS. */
    void deliver(Who who, String note, boolean offlineConfirmed, boolean appInfo, List<Upload> uploads, Instant now,
            Duration silence) {
        FlowMachine.Outcome outcome = allow(FlowAction.DELIVER, who, now, silence);
        if (context.type() == ProductType.LICENSE && !offlineConfirmed) {
            throw ProblemException.invalid("offlineDeliveryConfirmed",
                    "a license is delivered offline: confirm it with true");
        }
        if (context.type() != ProductType.SAAS && appInfo) {
            throw ProblemException.invalid("username", "application information is for SaaS products only");
        }
        FlowState from = state;
        enter(outcome.next(), now);
        deliveriesThisRound++;
        String recordNote = context.type() == ProductType.LICENSE ? "Delivered offline (confirmed). " + note : note;
        record(who, FlowAction.DELIVER.name(), from, milestone, recordNote, uploads, now);
    }

    /** The buyer accepts the current delivery; see {@link #accepted}. */
    Accepted accept(Who who, String note, Instant now, Duration silence) {
        FlowMachine.Outcome outcome = allow(FlowAction.ACCEPT, who, now, silence);
        return accepted(who, FlowAction.ACCEPT.name(), outcome, note, now);
    }

    /** The buyer rejects the delivery; answers whether the seller may now appeal on that ground. */
    boolean rejectDelivery(Who who, String why, Instant now, Duration silence) {
        FlowMachine.Outcome outcome = allow(FlowAction.REJECT_DELIVERY, who, now, silence);
        FlowState from = state;
        enter(outcome.next(), now);
        deliveryRejections++;
        record(who, FlowAction.REJECT_DELIVERY.name(), from, milestone, why, List.of(), now);
        return deliveryRejections >= AppealRules.DELIVERY_REJECTIONS;
    }

    /** The buyer reminds the seller, at most once per {@code interval} (422 before then). Not a move. */
    void remind(Who who, Instant now, Duration silence, Duration interval) {
        allow(FlowAction.REMIND, who, now, silence);
        Instant last = lastRemindedAt == null ? null : lastRemindedAt.toInstant();
        if (!ReminderPolicy.allowed(last, now, interval)) {
            throw ProblemException.unprocessable("You reminded the seller at " + last
                    + "; the next reminder can be sent at " + ReminderPolicy.next(last, interval));
        }
        lastRemindedAt = ts(now);
        pending.add(new FlowReminder(id, who.accountId(), ts(now)));
        record(who, FlowAction.REMIND.name(), state, milestone, "The buyer reminded the seller", List.of(), now);
    }

    /** The buyer or the seller appeals (422 without grounds): the flow freezes in its state. */
    FlowAppeal appeal(Who who, String why, Instant now, Duration silence) {
        allow(FlowAction.APPEAL, who, now, silence);
        List<AppealRules.Ground> grounds = AppealRules.grounds(who.actor(), facts(), now, silence);
        FlowAppeal appeal = FlowAppeal.open(id, who, why, grounds, state, ts(now));
        pending.add(appeal);
        openAppealId = appeal.id();
        updatedAt = ts(now);
        String groundText = String.join(", ", grounds.stream().map(Enum::name).toList());
        record(who, FlowAction.APPEAL.name(), state, milestone, why + " [grounds: " + groundText + "]", List.of(), now);
        return appeal;
    }

    /** An operator decides the open appeal: RESUME, COMPLETE (answers the acceptance) or CANCEL (else null). */
    Accepted decide(Who operator, FlowAppeal appeal, AppealDecision decision, String note, Instant now,
            Duration silence) {
        appeal.checkDecidable(openAppealId);
        FlowMachine.Outcome outcome = allow(decision.action(), operator, now, silence);
        appeal.decide(decision, note, operator.accountId(), ts(now));
        FlowState from = state;
        switch (decision) {
            case RESUME -> {
                enter(state, now);
                openAppealId = null;
                requestRejections = 0;
                deliveryRejections = 0;
                record(operator, "APPEAL_RESUME", from, milestone, note, List.of(), now);
                return null;
            }
            case COMPLETE -> {
                return accepted(operator, "APPEAL_COMPLETE", outcome, note, now);
            }
            default -> {
                enter(outcome.next(), now);
                openAppealId = null;
                closedAt = ts(now);
                record(operator, "APPEAL_CANCEL", from, milestone, note, List.of(), now);
                return null;
            }
        }
    }

    /** The buyer revealed the SaaS application's password: recorded, not a move. */
    void passwordRevealed(Who who, Instant now) {
        record(who, "REVEAL_PASSWORD", state, milestone, "The buyer revealed the application password", List.of(),
                now);
    }

    /** What acceptance of a milestone did: which milestone was accepted, and whether the next one begins. */
    record Accepted(int milestone, boolean nextMilestone) {
    }

    /**
     * Acceptance of the current milestone, by the buyer or by an operator's COMPLETE decision: the flow moves on to
     * the next milestone (the caller generates its bill), or is ACCEPTED (and completes later).
     */
    private Accepted accepted(Who who, String action, FlowMachine.Outcome outcome, String note, Instant now) {
        FlowState from = state;
        int accepted = milestone;
        enter(outcome.next(), now);
        openAppealId = null;
        if (outcome.nextMilestone()) {
            milestone = accepted + 1;
            deliveryRejections = 0;
            deliveriesThisRound = 0;
        } else {
            acceptedAt = ts(now);
        }
        int milestones = context.milestones();
        String recordNote = (milestones > 1 ? "Milestone " + accepted + " of " + milestones + " accepted"
                + (outcome.nextMilestone() ? "; bill " + (accepted + 1) + " generated" : "") + ". " : "")
                + (note == null ? "" : note);
        record(who, action, from, accepted, recordNote.isBlank() ? null : recordNote.strip(), List.of(), now);
        return new Accepted(accepted, outcome.nextMilestone());
    }

    /** Refuses a stale version the client sent (null: the client did not say). */
    void expectVersion(Long expected) {
        if (expected != null && expected != version) {
            throw ProblemException.staleVersion("The service flow (version " + version + ", you sent " + expected
                    + ")");
        }
    }

    /** Asks the state machine; a refusal becomes the problem the client sees ({@link FlowRefusals}). */
    private FlowMachine.Outcome allow(FlowAction action, Who who, Instant now, Duration silence) {
        FlowMachine.Outcome o = FlowMachine.decide(facts(), action, who.actor(), now, silence);
        if (!o.allowed()) {
            throw FlowRefusals.problem(o, state, openAppealId, context);
        }
        return o;
    }

    /** The flow enters {@code next} now: the turn clock restarts and the waiting party's appealability resets. */
    private void enter(FlowState next, Instant now) {
        state = next;
        stateSince = ts(now);
        appealableAt = null;
        updatedAt = ts(now);
    }

    private void record(Who who, String action, FlowState from, int atMilestone, String note, List<Upload> uploads,
            Instant now) {
        FlowOperation op = new FlowOperation(id, ts(now), who, action, from, state, atMilestone, note);
        pending.add(op);
        for (int i = 0; i < uploads.size(); i++) {
            pending.add(new FlowAttachment(id, op.id(), who.accountId(), i, uploads.get(i), ts(now)));
        }
    }

    FlowFacts facts() {
        return new FlowFacts(context.type(), state, stateSince.toInstant(), openAppealId != null, requestRejections,
                deliveryRejections, deliveriesThisRound, milestone, context.milestones());
    }


    UUID id() {
        return id;
    }

    UUID orderId() {
        return orderId;
    }

    UUID accountId() {
        return accountId;
    }

    UUID sellerId() {
        return sellerId;
    }

    FlowState state() {
        return state;
    }

    int milestone() {
        return milestone;
    }

    Instant stateSince() {
        return stateSince.toInstant();
    }

    FlowContext context() {
        return context;
    }

    private ServiceFlow withContext(FlowContext c) {
        this.context = c;
        return this;
    }
}
