package dev.opengallery.apps;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.payments.PaymentMethod;
import dev.opengallery.ordering.OrderState;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.ProblemException;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import dev.opengallery.ordering.OrderService;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.payments.Ledger;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Db;
import dev.opengallery.core.Sql;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Unsubscription: the quote (refund and rule, or why not) and the act, which refunds through the {@link Ledger}
 * in the same transaction. An issued invoice (ISSUED or RETURN_REQUESTED) on any order of the app blocks it
 * until the invoice is returned.
 */
@ApplicationScoped
public class UnsubscriptionService {

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Ledger ledger;

    @Inject
    Idempotency idempotency;

    @Inject
    Notifications notifications;

    @Inject
    AppService apps;

    @Inject
    AppClock clock;

    @Inject
    OrderService orders;

    @Inject
    Instance<SubscriptionEnded> endHooks;

    @Inject
    AppsConfig config;

    public Uni<UnsubscriptionQuote> quote(UUID accountId, UUID id) {
        return subscriptions.findOwned(accountId, id).chain(s -> quote(db.reads(), s));
    }

    private record Paid(BigDecimal amount, boolean milestone, List<UUID> blocking) {
    }

    Uni<UnsubscriptionQuote> quote(Sql client, PurchasedApp s) {
        if (!s.status().live()) {
            return Uni.createFrom().item(refused(s, UnsubscriptionRules.Rule.NOT_LIVE,
                    "The app is " + s.status() + ": there is nothing to unsubscribe", null));
        }
        String refusal = UnsubscriptionRules.refusal(s.productType(), s.billingMode());
        if (refusal != null) {
            return Uni.createFrom().item(refused(s, UnsubscriptionRules.Rule.NOT_UNSUBSCRIBABLE, refusal, null));
        }
        return client.preparedQuery("""
                select coalesce(sum(o.amount_due) filter (where o.payment_method in ('%1$s', '%2$s')), 0) as paid,
                       coalesce(bool_or(o.milestone), false) as milestone,
                       (select array_agg(distinct io.invoice_id) from invoice_order io join invoice i on i.id = io.invoice_id
                        join customer_order x on x.id = io.order_id
                        where io.live and i.state = any($3)
                          and (x.id = $1 or x.subscription_id = $2)) as blocking,
                       coalesce(bool_or(o.invoice_state = any($3)), false) as issued
                from customer_order o
                where (o.id = $1 or o.subscription_id = $2) and o.state <> '%3$s' and o.paid_at is not null"""
                .formatted(PaymentMethod.BALANCE.name(), PaymentMethod.CREDIT.name(), OrderState.CANCELED.name()))
                .execute(Tuple.of(s.orderId(), s.id(),
                        UnsubscriptionRules.INVOICE_STATES_BLOCKING.toArray(String[]::new))).map(rows -> {
                    Row r = rows.iterator().next();
                    UUID[] blocking = r.getArrayOfUUIDs("blocking");
                    if (r.getBoolean("issued") || (blocking != null && blocking.length > 0)) {
                        return refused(s, UnsubscriptionRules.Rule.INVOICE_ISSUED,
                                "An invoice has been issued for this app's orders: ask for it to be returned "
                                        + "(POST /api/invoices/{id}/return) and unsubscribe once it is RETURNED",
                                blocking == null ? List.of() : List.of(blocking));
                    }
                    if (r.getBoolean("milestone")) {
                        return refused(s, UnsubscriptionRules.Rule.NOT_UNSUBSCRIBABLE,
                                "This app is paid in milestones: settle it with the seller", null);
                    }
                    Instant now = clock.now();
                    UnsubscriptionRules.Refund refund = UnsubscriptionRules.imageRefund(r.getBigDecimal("paid"),
                            s.createdAt().toInstant(), s.startsAt().toInstant(), s.expiry(), now, config.fullRefundWithin(),
                            s.money());
                    String explanation = refund.rule() == UnsubscriptionRules.Rule.FULL_REFUND
                            ? "Within " + config.fullRefundWithin().toDays() + " days of the purchase: everything paid is refunded"
                            : "Refund = amount paid x unused days / days bought, rounded down: " + refund.amountPaid()
                                    + " x " + refund.unusedDays() + " / " + refund.daysBought() + " = " + refund.refund();
                    return new UnsubscriptionQuote(s.id(), true, refund.rule(), explanation, s.currency(),
                            refund.amountPaid(), refund.daysBought(), refund.unusedDays(), refund.refund(),
                            s.createdAt(), s.createdAt().plus(config.fullRefundWithin()), null);
                });
    }

    private UnsubscriptionQuote refused(PurchasedApp s, UnsubscriptionRules.Rule rule, String why, List<UUID> blocking) {
        return new UnsubscriptionQuote(s.id(), false, rule, why, s.currency(), null, null, null, null, s.createdAt(),
                null, blocking);
    }

    /**
     * Unsubscribes, refunding what the quote says; refused as the quote explains otherwise. With an Idempotency-Key
     * a repeated request answers as the first did and refunds nothing again.
     */
    public Uni<RestResponse<UnsubscriptionResult>> unsubscribe(UUID accountId, UUID id, String reason,
            String idempotencyKey) {
        Instant now = clock.now();
        @RegisterForReflection
        record Key(UUID subscriptionId, String reason) {
        }
        return idempotency.run(accountId, idempotencyKey, "unsubscribe-app", new Key(id, reason),
                UnsubscriptionQuote.class, conn -> subscriptions.lockOwned(conn, accountId, id)
                .chain(s -> quote(conn, s).chain(q -> {
                    if (!q.allowed()) {
                        return Uni.createFrom().failure(switch (q.rule()) {
                            case NOT_LIVE -> ProblemException.illegalState(q.explanation(), s.status().name());
                            case INVOICE_ISSUED -> ProblemException.illegalState(q.explanation(), "ISSUED");
                            default -> ProblemException.unprocessable(q.explanation());
                        });
                    }
                    return apply(conn, s, q, reason, now).replaceWith(q);
                })).map(q -> RestResponse.ResponseBuilder.ok(q).build()))
                .chain(first -> apps.details(accountId, id)
                        .map(app -> Idempotency.answer(first, new UnsubscriptionResult(first.getEntity(), app))
                                .build()));
    }

    private Uni<Void> apply(Tx conn, PurchasedApp s, UnsubscriptionQuote q, String reason, Instant now) {
        String note = "Unsubscribed" + (reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")")
                + ": refund " + q.refund() + " " + s.currency() + " by rule " + q.rule();
        Uni<?> money = q.refund().signum() > 0
                ? ledger.post(conn, s.accountId(), Ledger.Kind.REFUND, q.refund(), Ledger.Floor.NONE, s.orderId(),
                        "unsubscribe:" + s.id(), "Refund: unsubscribed " + s.productName(), now)
                : Uni.createFrom().voidItem();
        return money.chain(() -> Subscription.load(conn, s.id())).invoke(sub -> sub.unsubscribe(q.refund(), now))
                .chain(() -> orders.note(conn, s.orderId(), s.accountId(), "customer", note, now))
                .chain(() -> SubscriptionEvent.record(conn, s.id(), now, s.accountId(), "customer", "UNSUBSCRIBED",
                        s.status(), AppStatus.UNSUBSCRIBED, null, note))
                .chain(() -> notifications.notify(conn, s.accountId(), "APP_UNSUBSCRIBED",
                        "Unsubscribed: " + s.productName(),
                        "You unsubscribed from " + s.productName() + ". Refunded to your account: " + q.refund() + " "
                                + s.currency() + ".",
                        "/apps/" + s.id(), Set.of(Channel.EMAIL)))
                .chain(() -> ended(conn, s, AppStatus.UNSUBSCRIBED));
    }

    Uni<Void> ended(Tx conn, PurchasedApp s, AppStatus status) {
        List<SubscriptionEnded> hooks = new ArrayList<>();
        endHooks.forEach(hooks::add);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SubscriptionEnded hook : hooks) {
            chain = chain.chain(() -> hook.ended(conn, s.id(), status, s.ecsId()));
        }
        return chain;
    }
}
