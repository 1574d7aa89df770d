package dev.opengallery.ordering;

import static dev.opengallery.core.Times.ts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.opengallery.offers.OfferService;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.offers.MilestoneBills;
import dev.opengallery.payments.Ledger;
import dev.opengallery.payments.PaymentMethod;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The moves of a placed order after placing and paying: the image's ECS is provisioned (or the order aborted and
 * refunded), supervision completes or cancels it, the buyer cancels it unpaid, the unpaid-order job cancels the
 * forgotten ones. Single orders move through {@link CustomerOrder}'s methods; the supervision sweeps and the
 * unpaid-order job move many orders in one transaction and stay set-based (see each method), taking their source and
 * target states from {@link OrderLifecycle}.
 */
@ApplicationScoped
public class OrderMoves {

    private static final Logger LOG = Logger.getLogger(OrderMoves.class);

    @Inject
    Db db;

    @Inject
    OfferService offers;

    @Inject
    Ledger ledger;

    @Inject
    MilestoneBills milestoneBills;

    @Inject
    Fulfilment.PurchasedApps apps;

    @Inject
    ComputeClient compute;

    @Inject
    OrderQueries queries;

    @Inject
    AppClock clock;

    // ------------------------------------------------------------------------------ provisioning (images)

    /**
     * An image order that is paid (or due nothing now) and has no ECS yet gets one from the compute service;
     * if that fails the order is canceled and what was paid is refunded.
     */
    Uni<Void> provisionIfDue(UUID accountId, UUID orderId, String password) {
        return queries.findRow(orderId, accountId).chain(o -> {
            if (o.productType() != ProductType.IMAGE
                    || !OrderLifecycle.allows(o.state(), OrderLifecycle.Action.PROVISIONED) || o.ecs().ecsId() != null) {
                return Uni.createFrom().voidItem();
            }
            if (password == null) {
                return abort(o.id(), "The ECS login password was not given with the payment, so the ECS could "
                        + "not be created");
            }
            var spec = new ComputeClient.EcsSpec(o.id(), o.accountId(), o.productId(), o.specificationId(),
                    o.billingMode().name(), o.periods(), o.ecs().flavor(), o.ecs().vpcId(), o.ecs().securityGroup(),
                    o.ecs().name());
            return compute.createEcs(spec, password)
                    .onItem().transformToUni(ecsId -> provisioned(o.id(), ecsId))
                    .onFailure(e -> !(e instanceof ProblemException)).recoverWithUni(e -> {
                        LOG.warnf("Provisioning failed for order %s: %s", o.id(), e.getMessage());
                        return abort(o.id(), "Provisioning failed: " + e.getMessage());
                    });
        });
    }

    /** The ECS exists: the order completes and its purchased app opens with the ECS (unless it moved meanwhile). */
    private Uni<Void> provisioned(UUID orderId, String ecsId) {
        Instant now = clock.now();
        return db.transaction(tx -> CustomerOrder.lock(orderId).chain(o -> o == null
                || !OrderLifecycle.allows(o.state(), OrderLifecycle.Action.PROVISIONED) ? Uni.createFrom().voidItem()
                        : o.provisioned(tx, ecsId, now).chain(() -> apps.open(tx, o.view(), now, true, ecsId))));
    }

    /** Cancels a paid order that cannot be delivered, refunding what was paid (unless it moved meanwhile). */
    private Uni<Void> abort(UUID orderId, String reason) {
        Instant now = clock.now();
        return db.transaction(tx -> CustomerOrder.lock(orderId).chain(o -> o == null
                || !OrderLifecycle.allows(o.state(), OrderLifecycle.Action.ABORT) ? Uni.createFrom().voidItem()
                        : o.abort(tx, this::refund, null, "system", reason, now).chain(() -> apps.cancel(tx, orderId))));
    }

    /** Gives back what a canceled paid order took: its milestone bills, or its ledger payment. */
    private Uni<?> refund(Tx tx, CustomerOrder o, String reason, Instant now) {
        return refund(tx, o.id(), o.accountId(), o.paymentMethod(), o.amountDue(), reason, now);
    }

    private Uni<?> refund(Tx tx, UUID orderId, UUID accountId, PaymentMethod method, BigDecimal amountDue,
            String reason, Instant now) {
        if (method == PaymentMethod.MONTHLY_SETTLEMENT) {
            return milestoneBills.cancelOrder(tx, orderId, accountId, amountDue, reason);
        }
        if (method == PaymentMethod.BALANCE || method == PaymentMethod.CREDIT) {
            return ledger.post(tx, accountId, Ledger.Kind.REFUND, amountDue, Ledger.Floor.NONE, orderId, null,
                    "Refund: " + reason, now);
        }
        return Uni.createFrom().voidItem();
    }

    // ---------------------------------------------------------------------------------------- supervision

    private static final OrderState ABORT_FROM = OrderLifecycle.from(OrderLifecycle.Action.ABORT);
    private static final OrderState ABORT_TO = OrderLifecycle.next(ABORT_FROM, OrderLifecycle.Action.ABORT, false);
    private static final OrderState COMPLETE_FROM = OrderLifecycle.from(OrderLifecycle.Action.COMPLETE);
    private static final OrderState COMPLETE_TO = OrderLifecycle.next(COMPLETE_FROM, OrderLifecycle.Action.COMPLETE,
            false);

    /**
     * {@link OrderLifecycle.Action#ABORT} in the caller's transaction, refunding what the buyer paid (nothing for
     * reseller orders; for milestone orders the bills paid so far, canceling the others) and canceling the purchased
     * app. Answers false when the order was not PROCESSING.
     * <p>
     * Set-based on purpose: the supervision sweeps call it for up to a batch of orders at once, concurrently within
     * one transaction (one session cannot load entities concurrently), and the conditional move with its event is one
     * statement where an entity would take a locking read, an update and an insert.
     */
    Uni<Boolean> cancelAndRefund(Tx tx, UUID orderId, UUID actorId, String actorRole, String reason) {
        Instant now = clock.now();
        return tx.preparedQuery("""
                with moved as (
                    update customer_order set state = $4, canceled_at = $2, cancel_reason = $3, version = version + 1
                    where id = $1 and state = $5 returning id, account_id, payment_method, amount_due),
                event as (
                    insert into order_event (order_id, at, actor_id, actor_role, from_state, to_state, reason)
                    select id, $2::timestamptz, $6::uuid, $7::text, $5::text, $4::text, $3::text from moved)
                select account_id, payment_method, amount_due from moved""")
                .execute(Tuple.tuple().addValue(orderId).addValue(ts(now)).addValue(reason).addValue(ABORT_TO.name())
                        .addValue(ABORT_FROM.name()).addValue(actorId).addValue(actorRole))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Row r = rows.iterator().next();
                    String method = r.getString("payment_method");
                    return refund(tx, orderId, r.getUUID("account_id"),
                            method == null ? null : PaymentMethod.valueOf(method), r.getBigDecimal("amount_due"),
                            reason, now).chain(() -> apps.cancel(tx, orderId)).replaceWith(true);
                });
    }

    /**
     * {@link OrderLifecycle.Action#COMPLETE} in the caller's transaction, when service supervision completes: the
     * purchased app becomes visible (SaaS with supervision is listed only from now on). Answers false when the order
     * was not PROCESSING. Set-based for the same reason as {@link #cancelAndRefund}: the completion sweep calls it for
     * a whole batch concurrently in one transaction; the move and its event are one statement.
     */
    Uni<Boolean> completeSupervised(Tx tx, UUID orderId, UUID actorId, String actorRole, String reason) {
        return tx.preparedQuery("""
                with moved as (
                    update customer_order set state = $3, completed_at = $2, version = version + 1
                    where id = $1 and state = $4 returning id)
                insert into order_event (order_id, at, actor_id, actor_role, from_state, to_state, reason)
                select id, $2::timestamptz, $5::uuid, $6::text, $4::text, $3::text, $7::text from moved
                returning order_id""")
                .execute(Tuple.tuple().addValue(orderId).addValue(ts(clock.now())).addValue(COMPLETE_TO.name())
                        .addValue(COMPLETE_FROM.name()).addValue(actorId).addValue(actorRole).addValue(reason))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(false)
                        : apps.show(tx, orderId).replaceWith(true));
    }

    // ------------------------------------------------------------------------------------------ cancel

    /** The buyer cancels an unpaid order; a private offer it used is given back. */
    Uni<OrderView> cancel(UUID accountId, UUID orderId) {
        return db.transaction(tx -> CustomerOrder.lockOwned(orderId, accountId)
                .chain(o -> o.cancel(tx, accountId, "customer", "canceled by the buyer", clock.now()))
                .chain(() -> releaseOffer(tx, orderId)))
                .chain(() -> queries.find(orderId, accountId, null));
    }

    /** An order canceled before payment gives its private offer back (offers owns the offer). */
    private Uni<Void> releaseOffer(Tx tx, UUID orderId) {
        return offers.release(tx, orderId);
    }

    // literals (not parameters) so that the generic plan keeps using the partial index on pending orders
    private static final String UNPAID_FROM = OrderLifecycle.from(OrderLifecycle.Action.CANCEL).name();
    private static final String UNPAID_TO = OrderLifecycle
            .next(OrderLifecycle.from(OrderLifecycle.Action.CANCEL), OrderLifecycle.Action.CANCEL, false).name();

    /**
     * Cancels every order still unpaid {@code after} its placement ({@link OrderLifecycle.Action#CANCEL}).
     * Set-based, idempotent, and safe with several replicas: rows are claimed with SKIP LOCKED and the UPDATE
     * re-checks the state.
     */
    Uni<Integer> cancelUnpaid(Duration after) {
        Instant now = clock.now();
        return db.transaction(tx -> tx.preparedQuery("""
                with due as (
                    select id from customer_order
                    where state = '%1$s' and created_at <= $1
                    order by created_at limit 10000 for update skip locked),
                canceled as (
                    update customer_order o set state = '%2$s', canceled_at = $2,
                        cancel_reason = 'not paid within ' || $3, version = o.version + 1
                    from due where o.id = due.id and o.state = '%1$s' returning o.id)
                insert into order_event (order_id, at, actor_role, from_state, to_state, reason)
                select id, $2, 'system', '%1$s', '%2$s', 'not paid within ' || $3 from canceled
                returning order_id"""
                .formatted(UNPAID_FROM, UNPAID_TO))
                .execute(Tuple.of(ts(now.minus(after)), ts(now), humanize(after))).chain(rows -> {
                    List<UUID> canceled = new ArrayList<>();
                    rows.forEach(r -> canceled.add(r.getUUID("order_id")));
                    // the private offers they used are given back, by offers, in the same transaction
                    return offers.releaseAll(tx, canceled).replaceWith(canceled.size());
                }));
    }

    private static String humanize(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    // --------------------------------------------------------------------------------------------- notes

    /** Records on the order something that happened to what it bought, without moving it. */
    Uni<Void> note(Tx tx, UUID orderId, UUID actorId, String actorRole, String reason, Instant at) {
        return CustomerOrder.<CustomerOrder> findById(orderId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Order"))
                .chain(o -> o.note(tx, actorId, actorRole, reason, at));
    }
}
