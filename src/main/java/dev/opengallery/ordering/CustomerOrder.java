package dev.opengallery.ordering;

import static dev.opengallery.core.Times.ts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.JDBCException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.payments.Ledger;
import dev.opengallery.payments.PaymentMethod;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * An order (Hibernate Reactive Panache entity, optimistic locking by version) with its {@link OrderEvent}s. Its
 * state changes only through its methods, which ask {@link OrderLifecycle} (and, to pay, {@link PaymentRules} and
 * the {@link Ledger}) and record who moved it, when and why. Placing builds it in memory: it is inserted together
 * with its events when it is first saved, so an order placed and paid in one transaction is inserted once, already
 * paid.
 * <p>
 * {@code invoice_state} belongs to invoicing and is never written from here; the ECS description ({@code ecs}) is
 * written once when placing and completed with the ECS id when the ECS exists.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Embedded
    OrderLine line;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    OrderState state;

    @Column(name = "supervised", nullable = false)
    boolean supervised;

    @Column(name = "terms_accepted_at", nullable = false)
    OffsetDateTime termsAcceptedAt;

    @Column(name = "contact_authorized", nullable = false)
    boolean contactAuthorized;

    @Column(name = "paid_by_reseller", nullable = false)
    boolean paidByReseller;

    @Column(name = "reseller")
    String reseller;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    PaymentMethod paymentMethod;

    /** The ECS description (JSON): VPC, security group, provisioning, flavour, name, and its id once it exists. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ecs", columnDefinition = "jsonb")
    String ecs;

    /** Invoicing's column: read here, written only by invoicing (the table's default on insert). */
    @Column(name = "invoice_state", insertable = false, updatable = false)
    String invoiceState;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "paid_at")
    OffsetDateTime paidAt;

    @Column(name = "completed_at")
    OffsetDateTime completedAt;

    @Column(name = "canceled_at")
    OffsetDateTime canceledAt;

    @Column(name = "cancel_reason")
    String cancelReason;

    @Column(name = "offer_id")
    UUID offerId;

    @Column(name = "milestone", nullable = false)
    boolean milestone;

    /** NEW, or RENEWAL, UPGRADE, EXPANSION of a purchased app. */
    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "subscription_id")
    UUID subscriptionId;

    @Column(name = "renewed_from")
    OffsetDateTime renewedFrom;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    /** Built in memory and not yet inserted. */
    @Transient
    private boolean fresh;

    /** Events recorded since the order was last saved. */
    @Transient
    private final List<OrderEvent> pending = new ArrayList<>();

    protected CustomerOrder() {
    }

    /** What refunds an order that is canceled after payment (the ledger, or the milestone bills). */
    @FunctionalInterface
    public interface Refund {
        Uni<?> refund(Tx tx, CustomerOrder order, String reason, Instant now);
    }

    // ------------------------------------------------------------------------------------------ creation


    /**
     * A new order, PENDING_PAYMENT, with its "placed" event; inserted (with its events) when first saved.
     * {@code kind}: NEW, or RENEWAL/UPGRADE/EXPANSION of {@code subscriptionId}.
     */
    static CustomerOrder place(UUID id, UUID accountId, OrderLine line, String kind, UUID subscriptionId, OffsetDateTime renewedFrom,
            boolean supervised, boolean contactAuthorized, String reseller, JsonObject ecs, UUID offerId,
            boolean milestone, UUID actorId, String actorRole, String reason, Instant now) {
        CustomerOrder o = new CustomerOrder();
        o.id = id;
        o.accountId = accountId;
        o.line = line;
        o.state = OrderState.PENDING_PAYMENT;
        o.supervised = supervised;
        o.contactAuthorized = contactAuthorized;
        o.paidByReseller = reseller != null;
        o.reseller = reseller;
        o.ecs = ecs == null ? null : ecs.encode();
        o.invoiceState = "NONE";
        o.termsAcceptedAt = ts(now);
        o.createdAt = ts(now);
        o.offerId = offerId;
        o.milestone = milestone;
        o.kind = kind;
        o.subscriptionId = subscriptionId;
        o.renewedFrom = renewedFrom;
        o.fresh = true;
        o.record(null, OrderState.PENDING_PAYMENT, actorId, actorRole, reason, now);
        return o;
    }

    // ------------------------------------------------------------------------------------------- finders

    /** The buyer's order, row-locked for the rest of the transaction; 404 when it is not theirs. */
    static Uni<CustomerOrder> lockOwned(UUID id, UUID accountId) {
        return CustomerOrder.<CustomerOrder> find("id = ?1 and accountId = ?2", id, accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Order"));
    }

    /** The order, row-locked for the rest of the transaction; null when there is none. */
    static Uni<CustomerOrder> lock(UUID id) {
        return CustomerOrder.<CustomerOrder> findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    // ----------------------------------------------------------------------------------------- the moves

    /**
     * Pays the order with {@code requested} (null: the method its kind implies, or nothing now for a pay-per-use
     * image): {@link PaymentRules} decide whether that method applies, {@link OrderLifecycle} where the order goes
     * (PROCESSING while supervision runs or an image's ECS is to be created, else COMPLETED), and the {@link Ledger}
     * debits the balance or the credit line (a reseller's customer, a milestone order and a pay-per-use image move no
     * money here). Saves the order and its event.
     */
    Uni<Void> pay(Tx tx, Ledger ledger, PaymentMethod requested, UUID actorId, String actorRole, Instant now) {
        boolean image = line.productType == ProductType.IMAGE;
        OrderState from = state;
        OrderState next = OrderLifecycle.next(from, OrderLifecycle.Action.PAY, supervised || image);
        PaymentRules.OrderKind orderKind = PaymentRules.kind(new PaymentRules.Facts(kind, milestone, paidByReseller,
                image, line.billingMode == BillingMode.PAY_PER_USE, offerId != null));
        PaymentRules.Decision decision = PaymentRules.decide(orderKind, requested);
        if (decision.refused()) {
            return Uni.createFrom().failure(ProblemException.unprocessable("method", decision.refusal()));
        }
        if (decision.method() == null && orderKind != PaymentRules.OrderKind.PAY_PER_USE_IMAGE) {
            return Uni.createFrom().failure(ProblemException.invalid("method", "is required: BALANCE or CREDIT"));
        }
        PaymentMethod method = requested;
        state = next;
        paymentMethod = method;
        paidAt = ts(now);
        completedAt = next == OrderState.COMPLETED ? ts(now) : null;
        record(from, next, actorId, actorRole, method == null ? "nothing due now (billed by the hour)"
                : method == PaymentMethod.RESELLER ? "paid by reseller"
                : method == PaymentMethod.MONTHLY_SETTLEMENT ? "milestone payment: bill 1 generated"
                : "paid by " + method, now);
        Uni<Void> saved = save(tx);
        if (method != PaymentMethod.BALANCE && method != PaymentMethod.CREDIT) {
            return saved;
        }
        return saved.chain(() -> ledger.post(tx, accountId, Ledger.Kind.PAYMENT, line.amountDue.negate(),
                method == PaymentMethod.BALANCE ? Ledger.Floor.ZERO : Ledger.Floor.CREDIT_LIMIT, id, null,
                "Order " + line.productName, now)).replaceWithVoid();
    }

    /**
     * Pays a change order (renewal, upgrade, expansion) with the method already decided by {@link PaymentRules}:
     * it completes at once (a change never opens a new delivery). Nothing leaves the account when a reseller pays or
     * nothing is due. Saves the order and its events.
     */
    Uni<BigDecimal> payChange(Tx tx, Ledger ledger, PaymentMethod method, UUID actorId, String actorRole,
            String note, Instant now) {
        OrderState from = state;
        OrderState next = OrderLifecycle.next(from, OrderLifecycle.Action.PAY, false);
        state = next;
        paymentMethod = method;
        paidAt = ts(now);
        completedAt = ts(now);
        record(from, next, actorId, actorRole,
                method == PaymentMethod.RESELLER ? "paid by reseller" : "paid by " + method, now);
        Uni<Void> saved = save(tx);
        if (method == PaymentMethod.RESELLER || line.amountDue.signum() <= 0) {
            return saved.replaceWith(BigDecimal.ZERO.setScale(line.amountDue.scale()));
        }
        return saved.chain(() -> ledger.post(tx, accountId, Ledger.Kind.PAYMENT, line.amountDue.negate(),
                method == PaymentMethod.BALANCE ? Ledger.Floor.ZERO : Ledger.Floor.CREDIT_LIMIT, id, null, note, now))
                .replaceWith(line.amountDue);
    }

    /** The buyer cancels an unpaid order ({@link OrderLifecycle.Action#CANCEL}). Saves the order and its event. */
    Uni<Void> cancel(Tx tx, UUID actorId, String actorRole, String reason, Instant now) {
        OrderState from = state;
        state = OrderLifecycle.next(from, OrderLifecycle.Action.CANCEL, false);
        canceledAt = ts(now);
        cancelReason = reason;
        record(from, state, actorId, actorRole, reason, now);
        return save(tx);
    }

    /** The image's ECS exists ({@link OrderLifecycle.Action#PROVISIONED}): the order completes with its ECS id. */
    Uni<Void> provisioned(Tx tx, String ecsId, Instant now) {
        OrderState from = state;
        state = OrderLifecycle.next(from, OrderLifecycle.Action.PROVISIONED, false);
        completedAt = ts(now);
        ecs = (ecs == null ? new JsonObject() : new JsonObject(ecs)).put("ecsId", ecsId).encode();
        record(from, state, null, "system", "ECS " + ecsId + " created", now);
        return save(tx);
    }

    /**
     * A paid order that cannot be delivered is canceled ({@link OrderLifecycle.Action#ABORT}) and what was paid is
     * given back by {@code refund}. Saves the order and its event.
     */
    Uni<Void> abort(Tx tx, Refund refund, UUID actorId, String actorRole, String reason, Instant now) {
        OrderState from = state;
        state = OrderLifecycle.next(from, OrderLifecycle.Action.ABORT, false);
        canceledAt = ts(now);
        cancelReason = reason;
        record(from, state, actorId, actorRole, reason, now);
        return save(tx).chain(() -> refund.refund(tx, this, reason, now)).replaceWithVoid();
    }

    /** Records something that happened to the order without moving it (its app was unsubscribed, say). */
    Uni<Void> note(Tx tx, UUID actorId, String actorRole, String reason, Instant now) {
        record(state, state, actorId, actorRole, reason, now);
        return save(tx);
    }

    private void record(OrderState from, OrderState to, UUID actorId, String actorRole, String reason, Instant now) {
        pending.add(new OrderEvent(id, ts(now), actorId, actorRole, from, to, reason));
    }

    /**
     * Inserts the order if it is new and the events recorded since the last save (changes of a loaded order are
     * flushed by the session, version-checked). The events go in one batched statement after the order's flush: an
     * order placed and paid at once has two, and one round trip for both keeps the order path as short as it was
     * (the session would insert them one by one, each returning its generated id, which nothing here needs).
     */
    Uni<Void> save(Tx tx) {
        Uni<Void> order = fresh ? tx.session().persist(this) : Uni.createFrom().voidItem();
        fresh = false;
        List<OrderEvent> events = List.copyOf(pending);
        pending.clear();
        if (events.isEmpty()) {
            return order.onFailure(JDBCException.class).transform(Tx::asPostgres);
        }
        // the statement flushes the session first (the order's insert or update), failing as a statement does
        return order.chain(() -> tx.preparedQuery(OrderEvent.INSERT)
                .executeBatch(events.stream().map(OrderEvent::values).toList())).replaceWithVoid();
    }

    // ------------------------------------------------------------------------------------------- reading

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public OrderState state() {
        return state;
    }

    public PaymentMethod paymentMethod() {
        return paymentMethod;
    }

    public BigDecimal amountDue() {
        return line.amountDue;
    }

    public ProductType productType() {
        return line.productType;
    }

    public String productName() {
        return line.productName;
    }

    public String kind() {
        return kind;
    }

    public String currency() {
        return line.currency;
    }

    public UUID productId() {
        return line.productId;
    }

    public boolean supervised() {
        return supervised;
    }

    /** The order as the features above ordering see it (without its events). */
    public OrderView view() {
        JsonObject ecs = this.ecs == null ? null : new JsonObject(this.ecs);
        OrderView.EcsView ecsView = ecs == null ? null
                : new OrderView.EcsView(UUID.fromString(ecs.getString("vpcId")), ecs.getString("securityGroup"),
                        OrderRequest.Provisioning.valueOf(ecs.getString("provisioning")), ecs.getString("flavor"),
                        ecs.getString("name"), ecs.getString("ecsId"));
        OrderLine l = line;
        return new OrderView(id, accountId, l.sellerId, l.productId, l.productType, l.productName,
                l.specificationId, l.specificationName, l.pricingModel, l.billingMode, l.quantity, l.periods,
                l.currency, l.unitPrice, l.listPrice, l.discountAmount, l.imageFee, l.ecsFee, l.amountDue, state,
                supervised, contactAuthorized, paidByReseller, reseller, paymentMethod, ecsView, invoiceState,
                termsAcceptedAt, createdAt, paidAt, completedAt, canceledAt, cancelReason, offerId, milestone, kind,
                subscriptionId, null);
    }
}
