package dev.opengallery.apps;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.catalog.CatalogRepository;
import dev.opengallery.catalog.Pricing;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductStatus;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.catalog.ProductView;
import dev.opengallery.catalog.Specification;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.ProblemException;
import dev.opengallery.notifications.Notifications;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.ordering.ChangeOrders;
import dev.opengallery.ordering.OrderService;
import dev.opengallery.payments.PaymentMethod;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import dev.opengallery.core.Tx;

/**
 * Specification upgrades and capacity expansion of yearly/monthly SaaS apps: quotes, and orders that are placed
 * and paid in one transaction, after which the app has its new specification or quantity.
 */
@ApplicationScoped
public class ChangeService {

    @Inject
    Pool pool;

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
    Notifications notifications;

    @Inject
    AppClock clock;

    @Inject
    AppsConfig config;

    /** A change, checked and priced. */
    record Priced(PurchasedApp sub, Specification target, int quantity, ChangeFees.Fee fee, ChangeRequests.Quote quote) {
    }

    // ----------------------------------------------------------------------------------------------- quotes

    public Uni<ChangeRequests.Quote> quoteUpgrade(UUID accountId, UUID id, ChangeRequests.Upgrade r) {
        return subscriptions.findOwned(accountId, id).chain(s -> priceUpgrade(s, r)).map(Priced::quote);
    }

    public Uni<ChangeRequests.Quote> quoteExpansion(UUID accountId, UUID id, ChangeRequests.Expansion r) {
        return subscriptions.findOwned(accountId, id).chain(s -> priceExpansion(s, r)).map(Priced::quote);
    }

    private Uni<Priced> priceUpgrade(PurchasedApp s, ChangeRequests.Upgrade r) {
        return changeable(s).map(product -> {
            Specification target = product.specification(r.specificationId());
            if (target == null) {
                throw ProblemException.invalid("specificationId", "is not a specification of this product");
            }
            if (target.id().equals(s.specificationId())) {
                throw ProblemException.unprocessable("The app already has specification '" + target.name()
                        + "': add users with a capacity expansion instead");
            }
            int quantity = r.quantity() == null ? s.quantity() : r.quantity();
            Instant now = clock.now();
            ChangeFees.Fee fee = ChangeFees.upgrade(target, s.billingMode(), quantity, s.term(), now, s.discountRate(),
                    s.money());
            return new Priced(s, target, quantity, fee, quote(s, "UPGRADE", target, quantity, null, fee, now));
        });
    }

    private Uni<Priced> priceExpansion(PurchasedApp s, ChangeRequests.Expansion r) {
        return changeable(s).map(product -> {
            Specification spec = current(product, s);
            if (spec.pricingModel() == PricingModel.FLAT) {
                throw ProblemException.unprocessable("Specification '" + spec.name()
                        + "' has a flat price: it has no capacity to expand");
            }
            Instant now = clock.now();
            int total = Math.addExact(s.quantity(), r.addedQuantity());
            ChangeFees.Fee fee = ChangeFees.expansion(spec, s.billingMode(), s.quantity(), r.addedQuantity(), s.term(),
                    now, s.discountRate(), !boughtBeforeCutover(s), s.money());
            return new Priced(s, spec, total, fee, quote(s, "EXPANSION", spec, total, r.addedQuantity(), fee, now));
        });
    }

    boolean boughtBeforeCutover(PurchasedApp s) {
        return s.createdAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().isBefore(config.expansionCutover());
    }

    /** Only live yearly/monthly SaaS of a product still on sale can change. */
    private Uni<ProductView> changeable(PurchasedApp s) {
        if (s.productType() != ProductType.SAAS) {
            return Uni.createFrom().failure(ProblemException.unprocessable(
                    "Only SaaS apps can be upgraded or expanded; this is a " + s.productType()));
        }
        if (!s.periodic()) {
            return Uni.createFrom().failure(ProblemException.unprocessable(
                    "Only yearly/monthly subscriptions can be upgraded or expanded; this one is " + s.billingMode()));
        }
        if (s.status() != AppStatus.ACTIVE) {
            return Uni.createFrom().failure(ProblemException.illegalState("Only an active app can change; this one is "
                    + s.status() + (s.status().live() ? ": renew it first" : ""), s.status().name()));
        }
        return catalog.findAny(s.productId()).map(p -> {
            if (p.status() != ProductStatus.LISTED) {
                throw ProblemException.unprocessable("The product is no longer on sale: it cannot be upgraded or expanded");
            }
            return p;
        });
    }

    /** The app's specification in the catalogue: by id, or by name when the seller has since edited the product. */
    static Specification current(ProductView product, PurchasedApp s) {
        Specification spec = product.specification(s.specificationId());
        if (spec == null) {
            spec = product.specifications().stream().filter(x -> x.name().equals(s.specificationName())).findFirst()
                    .orElse(null);
        }
        if (spec == null) {
            throw ProblemException.unprocessable("Specification '" + s.specificationName() + "' is no longer sold");
        }
        return spec;
    }

    private ChangeRequests.Quote quote(PurchasedApp s, String kind, Specification target, int quantity, Integer added,
            ChangeFees.Fee f, Instant now) {
        return new ChangeRequests.Quote(s.id(), kind, f.rule(), s.currency(), s.specificationId(), s.specificationName(),
                s.quantity(), target.id(), target.name(), quantity, added, boughtBeforeCutover(s),
                now.atOffset(ZoneOffset.UTC), s.termStartsAt(), s.expiresAt(), s.termPeriods(), f.termDays(),
                f.remainingDays(), f.discount(), f.originalTermPrice(), f.newTermPrice(), f.newUnitPrice(),
                f.originalDailyPrice(), f.newDailyPrice(), f.newTerm(), f.originalTerm(), f.exactFee(), f.fee(),
                f.formula());
    }

    // ----------------------------------------------------------------------------------------------- orders

    public Uni<RestResponse<ChangeRequests.Result>> upgrade(UUID accountId, UUID id, ChangeRequests.Upgrade r,
            String idempotencyKey) {
        record Key(UUID subscriptionId, ChangeRequests.Upgrade request) {
        }
        return order(accountId, id, idempotencyKey, "upgrade-app", new Key(id, r),
                conn -> subscriptions.lockOwned(conn, accountId, id).chain(s -> priceUpgrade(s, r)),
                ChangeOrders.Kind.UPGRADE, r.paymentMethod());
    }

    public Uni<RestResponse<ChangeRequests.Result>> expand(UUID accountId, UUID id, ChangeRequests.Expansion r,
            String idempotencyKey) {
        record Key(UUID subscriptionId, ChangeRequests.Expansion request) {
        }
        return order(accountId, id, idempotencyKey, "expand-app", new Key(id, r),
                conn -> subscriptions.lockOwned(conn, accountId, id).chain(s -> priceExpansion(s, r)),
                ChangeOrders.Kind.EXPANSION, r.paymentMethod());
    }

    private Uni<RestResponse<ChangeRequests.Result>> order(UUID accountId, UUID id, String key, String operation,
            Object request, java.util.function.Function<Tx, Uni<Priced>> price, ChangeOrders.Kind kind,
            PaymentMethod method) {
        return idempotency.run(accountId, key, operation, request, ChangeRequests.Ref.class,
                conn -> price.apply(conn).chain(p -> apply(conn, p, kind, method, accountId))
                        .map(ref -> RestResponse.ResponseBuilder.<ChangeRequests.Ref> create(201).entity(ref).build()))
                .chain(response -> orders.find(response.getEntity().orderId(), accountId, null)
                        .chain(o -> apps.details(accountId, id).map(app -> {
                            var b = RestResponse.ResponseBuilder.<ChangeRequests.Result> create(response.getStatus())
                                    .entity(new ChangeRequests.Result(response.getEntity().quote(), o, app))
                                    .location(java.net.URI.create("/api/orders/" + o.id()));
                            if (response.getHeaders().containsKey(Idempotency.REPLAYED)) {
                                b.header(Idempotency.REPLAYED, "true");
                            }
                            return b.build();
                        })));
    }

    /** Places and pays the change order, then gives the app its new specification or quantity. */
    private Uni<ChangeRequests.Ref> apply(Tx conn, Priced p, ChangeOrders.Kind kind, PaymentMethod method,
            UUID actor) {
        PurchasedApp s = p.sub();
        Specification target = p.target();
        Pricing.Quote unit = Pricing.quote(target, s.billingMode(), p.quantity(), s.termPeriods(), s.money());
        var line = new ChangeOrders.Line(kind, target.id(), target.name(), target.pricingModel(), p.quantity(), 1,
                unit.unitPrice(), p.fee().fee(), null, null, p.fee().fee(), null);
        Instant now = clock.now();
        return Subscription.load(conn, s.id()).chain(sub -> changeOrders.placeAndPay(conn, sub, line, method, actor,
                "customer").invoke(paid -> sub.change(target.id(), target.name(), target.pricingModel(), p.quantity(),
                        p.fee().newTermPrice(), paid.charged(), s.termStartsAt(), s.termPeriods(), s.periodsBought())))
                .chain(paid -> SubscriptionEvent.record(conn, s.id(), now, actor, "customer",
                        kind == ChangeOrders.Kind.UPGRADE ? "UPGRADED" : "EXPANDED", s.status(), s.status(),
                        paid.orderId(), kind == ChangeOrders.Kind.UPGRADE
                                ? s.specificationName() + " x " + s.quantity() + " -> " + target.name() + " x " + p.quantity()
                                        + "; fee " + p.fee().fee() + " " + s.currency()
                                : s.quantity() + " -> " + p.quantity() + "; fee " + p.fee().fee() + " " + s.currency())
                        .chain(() -> notifications.notify(conn, s.accountId(),
                                kind == ChangeOrders.Kind.UPGRADE ? "APP_UPGRADED" : "APP_EXPANDED",
                                (kind == ChangeOrders.Kind.UPGRADE ? "Upgraded: " : "Capacity expanded: ") + s.productName(),
                                s.productName() + " now has " + target.name() + " x " + p.quantity() + ". Paid "
                                        + p.fee().fee() + " " + s.currency() + ".",
                                "/apps/" + s.id(), Set.of()))
                        .replaceWith(new ChangeRequests.Ref(paid.orderId(), p.quote())));
    }
}
