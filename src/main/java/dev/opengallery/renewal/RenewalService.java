package dev.opengallery.renewal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.apps.AppStatus;
import dev.opengallery.core.Db;
import dev.opengallery.apps.AppService;
import dev.opengallery.apps.AppViews;
import dev.opengallery.ordering.ChangeOrders;
import dev.opengallery.apps.PurchasedAppView;
import dev.opengallery.apps.PurchasedApp;
import dev.opengallery.apps.Subscription;
import dev.opengallery.apps.SubscriptionEvent;
import dev.opengallery.apps.SubscriptionRules;
import dev.opengallery.apps.Subscriptions;
import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.CatalogRepository;
import dev.opengallery.catalog.Pricing;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.catalog.ProductView;
import dev.opengallery.catalog.Specification;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.ProblemException;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import dev.opengallery.ordering.EcsFlavor;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.ordering.OrderPricing;
import dev.opengallery.ordering.OrderService;
import dev.opengallery.payments.PaymentMethod;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Sql;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Renewals of yearly/monthly purchased apps of every type: quotes, manual renewals for one or more periods,
 * auto-renewal settings, and the auto-renewal job. A renewal always extends from the current expiry, so one
 * made in grace or retention starts from the original expiry; the renewed term is priced at the catalogue's
 * current price. Renewal orders are ordinary orders (kind RENEWAL) paid at once; they never open a service flow.
 */
@ApplicationScoped
public class RenewalService {

    private static final Logger LOG = Logger.getLogger(RenewalService.class);

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    Subscriptions subscriptions;

    @Inject
    CatalogRepository catalog;

    @Inject
    ChangeOrders changeOrders;

    @Inject
    Idempotency idempotency;

    @Inject
    OrderService orders;

    @Inject
    AppService apps;

    @Inject
    AppViews views;

    @Inject
    Notifications notifications;

    @Inject
    AppClock clock;

    @Inject
    RenewalConfig config;

    /** A renewal, checked and priced. */
    record Priced(PurchasedApp sub, Specification spec, OrderPricing.Price price, RenewalViews.Quote quote) {
    }

    // ------------------------------------------------------------------------------------------------ quote

    public Uni<RenewalViews.Quote> quote(UUID accountId, UUID id, int periods) {
        return subscriptions.findOwned(accountId, id).chain(s -> price(db.reads(), s, periods)).map(Priced::quote);
    }

    private Uni<Priced> price(Sql client, PurchasedApp s, int periods) {
        if (!s.periodic()) {
            return Uni.createFrom().failure(ProblemException.unprocessable(
                    "Only yearly/monthly subscriptions can be renewed; this one is " + s.billingMode()));
        }
        if (!s.status().live()) {
            return Uni.createFrom().failure(ProblemException.illegalState("The app is " + s.status()
                    + (s.status() == AppStatus.RELEASED ? ": it was released after its retention period" : "")
                    + "; it can no longer be renewed", s.status().name()));
        }
        if (periods < 1 || periods > Pricing.maxPeriods(s.billingMode())) {
            return Uni.createFrom().failure(ProblemException.invalid("periods",
                    "must be between 1 and " + Pricing.maxPeriods(s.billingMode()) + " for " + s.billingMode()));
        }
        Uni<EcsFlavor> flavor = s.productType() == ProductType.IMAGE && s.ecsFlavor() != null
                ? flavor(client, s.ecsFlavor())
                : Uni.createFrom().nullItem();
        return catalog.findAny(s.productId()).chain(product -> flavor.map(f -> {
            Specification spec = current(product, s);
            ProductType pricedAs = s.productType() == ProductType.IMAGE && f == null ? ProductType.SAAS : s.productType();
            OrderPricing.Price price = OrderPricing.price(pricedAs, spec, s.billingMode(), s.quantity(), periods,
                    s.money(), f, null);
            OffsetDateTime newExpiry = s.expiryAfter(periods);
            if (!newExpiry.toInstant().isAfter(clock.now())) {
                throw ProblemException.unprocessable("Renewed for " + periods + " period(s) from the original expiry "
                        + s.expiresAt() + " the app would still have expired (" + newExpiry + "): renew for more periods");
            }
            RenewalViews.Quote q = new RenewalViews.Quote(s.id(), s.billingMode(), periods, spec.id(), spec.name(),
                    s.quantity(), price.unitPrice(), price.listPrice(), price.imageFee(), price.ecsFee(),
                    price.amountDue(), s.currency(), s.status(), s.expiresAt(), newExpiry);
            return new Priced(s, spec, price, q);
        }));
    }

    private static Uni<EcsFlavor> flavor(Sql client, String code) {
        return client.preparedQuery("select code, vcpus, memory_gib, hourly, monthly, yearly from ecs_flavor where code = $1")
                .execute(Tuple.of(code)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new EcsFlavor(r.getString("code"), r.getInteger("vcpus"), r.getInteger("memory_gib"),
                            r.getBigDecimal("hourly"), r.getBigDecimal("monthly"), r.getBigDecimal("yearly"));
                });
    }

    /** The app's specification: by id, or by name when the seller has since edited the product. */
    static Specification current(ProductView product, PurchasedApp s) {
        Specification spec = product.specification(s.specificationId());
        if (spec == null) {
            spec = product.specifications().stream().filter(x -> x.name().equals(s.specificationName())).findFirst()
                    .orElse(null);
        }
        if (spec == null || spec.price(s.billingMode()) == null) {
            throw ProblemException.unprocessable("Specification '" + s.specificationName() + "' is no longer sold "
                    + s.billingMode() + ": the app cannot be renewed");
        }
        return spec;
    }

    // ------------------------------------------------------------------------------------------ manual renewal

    public Uni<RestResponse<RenewalViews.Result>> renew(UUID accountId, UUID id, RenewalViews.Request r,
            String idempotencyKey) {
        // a second click must not buy a second renewal: the request names the term it renews, or carries a key
        // (the way to pay is checked with the order, by PaymentRules)
        if (r.renewsFrom() == null && idempotencyKey == null) {
            throw ProblemException.invalid("renewsFrom", "is required without an Idempotency-Key: the expiry you "
                    + "renew (the quote's currentExpiry), so that a repeated request cannot renew twice");
        }
        record Key(UUID subscriptionId, RenewalViews.Request request) {
        }
        return idempotency.run(accountId, idempotencyKey, "renew-app", new Key(id, r), RenewalViews.Ref.class,
                conn -> subscriptions.lockOwned(conn, accountId, id).chain(s -> {
                    if (r.renewsFrom() != null && (s.expiresAt() == null
                            || !r.renewsFrom().toInstant().equals(s.expiresAt().toInstant()))) {
                        return Uni.createFrom().failure(ProblemException.conflict("The app was renewed meanwhile: it "
                                + "now expires " + s.expiresAt() + "; quote again"));
                    }
                    return price(conn, s, r.periods());
                }).chain(p -> apply(conn, p, r.paymentMethod(), accountId, "customer"))
                        .map(ref -> RestResponse.ResponseBuilder.<RenewalViews.Ref> create(201).entity(ref).build()))
                .chain(response -> orders.find(response.getEntity().orderId(), accountId, null)
                        .chain(o -> apps.details(accountId, id).map(app -> {
                            var b = RestResponse.ResponseBuilder.<RenewalViews.Result> create(response.getStatus())
                                    .entity(new RenewalViews.Result(response.getEntity().quote(), o, app))
                                    .location(java.net.URI.create("/api/orders/" + o.id()));
                            if (response.getHeaders().containsKey(Idempotency.REPLAYED)) {
                                b.header(Idempotency.REPLAYED, "true");
                            }
                            return b.build();
                        })));
    }

    /** Places and pays the renewal order and moves the expiry; the app is ACTIVE again. */
    private Uni<RenewalViews.Ref> apply(Tx conn, Priced p, PaymentMethod method, UUID actor, String role) {
        PurchasedApp s = p.sub();
        OrderPricing.Price price = p.price();
        RenewalViews.Quote q = p.quote();
        Instant now = clock.now();
        var line = new ChangeOrders.Line(ChangeOrders.Kind.RENEWAL, p.spec().id(), p.spec().name(),
                p.spec().pricingModel(), s.quantity(), q.periods(), price.unitPrice(), price.listPrice(),
                price.imageFee(), price.ecsFee(), price.amountDue(), s.expiresAt());
        return Subscription.load(conn, s.id()).chain(sub -> changeOrders.placeAndPay(conn, sub, line, method, actor,
                role).chain(paid -> {
                    AppStatus before = sub.renew(s.expiresAt(), q.newExpiry(), q.periods(), s.periodsBought(),
                            price.listPrice(), p.spec().id(), p.spec().name(), paid.charged());
                    return SubscriptionEvent.record(conn, s.id(), now, actor, role, "RENEWED", before, sub.status(),
                            paid.orderId(), q.periods() + " period(s): expiry " + s.expiresAt() + " -> "
                                    + q.newExpiry() + "; paid " + paid.charged() + " " + s.currency()
                                    + (paid.method() == null ? "" : " by " + paid.method())).replaceWith(paid);
                }))
                .chain(paid -> notifications.notify(conn, s.accountId(), "APP_RENEWED",
                        "Renewed: " + s.productName(),
                        s.productName() + " was renewed" + ("system".equals(role) ? " automatically" : "") + " for "
                                + q.periods() + " " + unit(s.billingMode(), q.periods()) + ". It now expires on "
                                + q.newExpiry().toLocalDate() + ". Charged: " + paid.charged() + " " + s.currency() + ".",
                        "/apps/" + s.id(), "system".equals(role) ? Set.of(Channel.EMAIL) : Set.of())
                        .replaceWith(new RenewalViews.Ref(paid.orderId(), q)));
    }

    static String unit(BillingMode mode, int periods) {
        String u = mode == BillingMode.YEARLY ? "year" : "month";
        return periods == 1 ? u : u + "s";
    }

    // --------------------------------------------------------------------------------------- auto-renewal

    public Uni<PurchasedAppView.AutoRenewalView> autoRenewal(UUID accountId, UUID id) {
        return subscriptions.findOwned(accountId, id).map(s -> {
            if (!s.periodic()) {
                throw ProblemException.unprocessable("Only yearly/monthly subscriptions renew; this one is "
                        + s.billingMode());
            }
            return views.view(s, null).autoRenewal();
        });
    }

    /** Enables auto-renewal, or changes its period; a failed attempt's retry delay is reset. */
    public Uni<PurchasedAppView.AutoRenewalView> enable(UUID accountId, UUID id, int periods) {
        Instant now = clock.now();
        return db.transaction(conn -> subscriptions.lockOwned(conn, accountId, id).chain(s -> {
            if (!s.periodic()) {
                return Uni.createFrom().failure(ProblemException.unprocessable(
                        "Only yearly/monthly subscriptions can renew automatically; this one is " + s.billingMode()));
            }
            if (!s.status().live()) {
                return Uni.createFrom().failure(ProblemException.illegalState(
                        "The app is " + s.status() + ": it can no longer renew", s.status().name()));
            }
            if (periods > Pricing.maxPeriods(s.billingMode())) {
                return Uni.createFrom().failure(ProblemException.invalid("periods",
                        "must be between 1 and " + Pricing.maxPeriods(s.billingMode()) + " for " + s.billingMode()));
            }
            String kind = s.autoRenew() ? "AUTO_RENEW_CHANGED" : "AUTO_RENEW_ENABLED";
            return Subscription.load(conn, id).invoke(sub -> sub.enableAutoRenewal(periods))
                    .chain(() -> SubscriptionEvent.record(conn, id, now, accountId, "customer", kind, null, null, null,
                            periods + " " + unit(s.billingMode(), periods) + " each time"));
        })).chain(() -> autoRenewal(accountId, id));
    }

    public Uni<PurchasedAppView.AutoRenewalView> disable(UUID accountId, UUID id) {
        Instant now = clock.now();
        return db.transaction(conn -> subscriptions.lockOwned(conn, accountId, id)
                .chain(s -> Subscription.load(conn, id)).chain(sub -> !sub.disableAutoRenewal()
                        ? Uni.createFrom().voidItem()
                        : SubscriptionEvent.record(conn, id, now, accountId, "customer", "AUTO_RENEW_DISABLED", null,
                                null, null, null)))
                .chain(() -> autoRenewal(accountId, id));
    }

    /**
     * The auto-renewal job: renews every subscription with auto-renewal whose expiry is within the lead (7 days)
     * and whose retry time has come, charging the balance (the credit line when the balance does not cover it).
     * A failed payment is recorded, the buyer told, and the next attempt set a day later; retried while the app
     * is in grace or retention too. Safe with several replicas: each subscription is taken with SKIP LOCKED and
     * re-checked under its lock, and a term is renewed once (unique renewal per subscription and expiry).
     *
     * @return the subscriptions renewed or whose attempt failed
     */
    public Uni<Integer> renewDue() {
        Instant now = clock.now();
        OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("""
                select id from subscription
                where auto_renew and status = any($4) and visible and expires_at is not null
                  and expires_at <= $1 and (auto_renew_next_try is null or auto_renew_next_try <= $2)
                order by expires_at, id limit $3""").execute(Tuple.of(ts.plus(config.autoRenewLead()), ts, config.batchSize(),
                        SubscriptionRules.LIVE.stream().map(Enum::name).toArray(String[]::new)))
                .chain(rows -> {
                    List<UUID> ids = new java.util.ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id -> renewOne(id, now))
                            .collect().asList().map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
                });
    }

    private boolean due(PurchasedApp s, Instant now) {
        return s != null && s.autoRenew() && s.status().live() && s.visible() && s.periodic()
                && !s.expiry().minus(config.autoRenewLead()).isAfter(now)
                && (s.autoRenewNextTry() == null || !s.autoRenewNextTry().toInstant().isAfter(now));
    }

    private Uni<Boolean> renewOne(UUID id, Instant now) {
        return db.transaction(conn -> subscriptions.tryLock(conn, id).chain(s -> {
            if (!due(s, now)) {
                return Uni.createFrom().item(false);
            }
            return price(conn, s, s.autoRenewPeriods()).chain(p -> apply(conn, p, null, null, "system"))
                    .replaceWith(true);
        })).onFailure().recoverWithUni(e -> {
            if (e instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return Uni.createFrom().item(false); // renewed by someone else at the same moment
            }
            String why;
            if (e instanceof ProblemException) {
                why = e.getMessage();
            } else {
                LOG.warnf("Auto-renewal of subscription %s failed: %s", id, e.toString());
                why = "The renewal could not be carried out; it is retried";
            }
            return failed(id, now, why);
        });
    }

    /** Records a failed attempt (once, however many replicas try) and tells the buyer when the next one is. */
    private Uni<Boolean> failed(UUID id, Instant now, String why) {
        OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime next = ts.plus(config.retryEvery());
        return db.transaction(conn -> Subscription.lock(conn, id).chain(sub -> {
            if (!sub.autoRenewalFailed(why, now, next.toInstant())) {
                return Uni.createFrom().item(false);
            }
            UUID account = sub.accountId();
            String name = sub.productName();
            return SubscriptionEvent.record(conn, id, now, null, "system", "AUTO_RENEW_FAILED", null, null, null, why)
                    .chain(() -> notifications.notify(conn, account, "APP_AUTO_RENEW_FAILED",
                            "Automatic renewal failed: " + name,
                            "We could not renew " + name + " (expires " + sub.expiresAt()
                                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() + "): " + why + ". We will try again on "
                                    + next.toLocalDate() + "; top up your balance or renew by hand.",
                            "/apps/" + id, Set.of(Channel.EMAIL)))
                    .replaceWith(true);
        }));
    }
}
