package dev.opengallery.ordering;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.catalog.CatalogRepository;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Tx;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.payments.Ledger;
import dev.opengallery.payments.PaymentMethod;
import io.smallrye.mutiny.Uni;

/**
 * Pays orders: the order's {@link CustomerOrder#pay} move (rules, ledger, event), then what payment opens (a
 * service flow, a purchased app) and the sale's counters. Also answers a placing or a payment with the order, once an
 * image's ECS has been asked for.
 */
@ApplicationScoped
public class OrderPaying {

    @Inject
    Idempotency idempotency;

    @Inject
    Ledger ledger;

    @Inject
    Fulfilment.PurchasedApps apps;

    @Inject
    Fulfilment.ServiceFlows flows;

    @Inject
    CatalogRepository catalog;

    @Inject
    OrderMetrics metrics;

    @Inject
    AppClock clock;

    @Inject
    OrderMoves moves;

    @Inject
    OrderQueries queries;

    /** What the idempotent part of placing or paying answers: the order; the full view is read afterwards. */
    public record OrderRef(UUID id) {
    }

    Uni<RestResponse<OrderView>> pay(UUID accountId, UUID orderId, PaymentMethod method, String idempotencyKey,
            String password) {
        record PayRequest(UUID orderId, PaymentMethod method) {
        }
        return idempotency.run(accountId, idempotencyKey, "pay-order", new PayRequest(orderId, method),
                OrderRef.class,
                tx -> CustomerOrder.lockOwned(orderId, accountId)
                        .chain(o -> settle(tx, o, method, accountId, "customer"))
                        .replaceWith(RestResponse.ResponseBuilder.<OrderRef> ok(new OrderRef(orderId)).build()))
                .chain(response -> respond(response, accountId, orderId, password, true));
    }

    /**
     * Pays the order in the caller's transaction (the order is locked, or new), then opens what follows payment and
     * counts the sale.
     */
    Uni<Void> settle(Tx tx, CustomerOrder o, PaymentMethod method, UUID actorId, String role) {
        Instant now = clock.now();
        return o.pay(tx, ledger, method, actorId, role, now)
                .chain(() -> opened(tx, o.view(), now))
                .chain(() -> catalog.recordPaidOrder(tx, o.productId(), now.atOffset(ZoneOffset.UTC).toLocalDate()))
                .invoke(() -> metrics.paid(tx, o.productType().name(), o.kind(), method, o.currency(), o.amountDue()));
    }

    /** What payment opens: a service flow for supervised products, a purchased app for the others (images once provisioned). */
    private Uni<Void> opened(Tx tx, OrderView o, Instant now) {
        Uni<Void> flow = o.supervised() ? flows.open(tx, o, now) : Uni.createFrom().voidItem();
        if (o.productType() == ProductType.IMAGE) {
            return flow;
        }
        // SaaS with supervision is listed among purchased apps only once supervision completes
        boolean visible = !(o.supervised() && o.productType() == ProductType.SAAS);
        return flow.chain(() -> apps.open(tx, o, now, visible, null));
    }

    /** Answers with the order (201 with its location when placed), after asking for an image's ECS if due. */
    Uni<RestResponse<OrderView>> respond(RestResponse<OrderRef> first, UUID accountId, UUID id, String password,
            boolean mayNeedEcs) {
        Uni<Void> provisioning = mayNeedEcs ? moves.provisionIfDue(accountId, id, password)
                : Uni.createFrom().voidItem();
        return provisioning.chain(() -> queries.find(id, accountId, null)).map(o -> {
            var b = RestResponse.ResponseBuilder.<OrderView> create(first.getStatus()).entity(o);
            if (first.getHeaders().containsKey(Idempotency.REPLAYED)) {
                b.header(Idempotency.REPLAYED, "true");
            }
            return first.getStatus() == 201 ? b.location(URI.create("/api/orders/" + id)).build() : b.build();
        });
    }
}
