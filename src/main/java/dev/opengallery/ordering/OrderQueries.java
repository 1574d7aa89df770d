package dev.opengallery.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.CatalogRepository;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import dev.opengallery.payments.PaymentMethod;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Orders as their buyer, seller and operators read them: one order with its events, and filtered pages. Reads are
 * set-based SQL outside any transaction (a page maps rows straight to views; no entity is loaded to be read).
 */
@ApplicationScoped
public class OrderQueries {

    @Inject
    Pool pool;

    static final String COLUMNS = """
            o.id, o.account_id, o.seller_id, o.product_id, o.product_type, o.product_name, o.specification_id,
            o.specification_name, o.pricing_model, o.billing_mode, o.quantity, o.periods, o.currency, o.unit_price,
            o.list_price, o.discount_amount, o.image_fee, o.ecs_fee, o.amount_due, o.state, o.supervised,
            o.contact_authorized, o.paid_by_reseller, o.reseller, o.payment_method, o.ecs, o.invoice_state,
            o.terms_accepted_at, o.created_at, o.paid_at, o.completed_at, o.canceled_at, o.cancel_reason, o.offer_id,
            o.milestone, o.kind, o.subscription_id""";

    /** One order with its events; {@code accountId} or {@code sellerId} restrict it to its buyer or seller. */
    public Uni<OrderView> find(UUID id, UUID accountId, UUID sellerId) {
        return pool.preparedQuery("select " + COLUMNS + " from customer_order o where o.id = $1"
                + " and ($2::uuid is null or o.account_id = $2) and ($3::uuid is null or o.seller_id = $3)")
                .execute(Tuple.of(id, accountId, sellerId)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("Order"));
                    }
                    OrderView o = view(rows.iterator().next());
                    return pool.preparedQuery("""
                            select at, actor_id, actor_role, from_state, to_state, reason from order_event
                            where order_id = $1 order by id""").execute(Tuple.of(id)).map(ev -> {
                        List<OrderView.OrderEvent> events = new ArrayList<>();
                        for (Row r : ev) {
                            String from = r.getString("from_state");
                            events.add(new OrderView.OrderEvent(r.getOffsetDateTime("at"), r.getUUID("actor_id"),
                                    r.getString("actor_role"), from == null ? null : OrderState.valueOf(from),
                                    OrderState.valueOf(r.getString("to_state")), r.getString("reason")));
                        }
                        return o.withEvents(events);
                    });
                });
    }

    /** One order without its events (the buyer's, or any when {@code accountId} is null); 404 when there is none. */
    Uni<OrderView> findRow(UUID id, UUID accountId) {
        return pool.preparedQuery("select " + COLUMNS + " from customer_order o where o.id = $1"
                + " and ($2::uuid is null or o.account_id = $2)").execute(Tuple.of(id, accountId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Order");
                    }
                    return view(rows.iterator().next());
                });
    }

    public Uni<Page<OrderView>> list(OrderService.OrderFilter f, int page, int size) {
        Tuple args = Tuple.tuple().addValue(f.state() == null ? null : f.state().name())
                .addValue(f.type() == null ? null : f.type().name()).addValue(f.from()).addValue(f.to())
                .addValue(f.accountId()).addValue(f.sellerId()).addValue(size).addValue((long) page * size);
        return pool.preparedQuery("select " + COLUMNS + ", count(*) over () as total from customer_order o where "
                + "($1::text is null or o.state = $1) and ($2::text is null or o.product_type = $2) "
                + "and ($3::timestamptz is null or o.created_at >= $3) and ($4::timestamptz is null or o.created_at < $4) "
                + "and ($5::uuid is null or o.account_id = $5) and ($6::uuid is null or o.seller_id = $6) "
                + "order by o.created_at desc, o.id limit $7 offset $8").execute(args)
                .map(rows -> Page.of(rows, OrderQueries::view, page, size));
    }

    static OrderView view(Row r) {
        JsonObject ecs = r.getJsonObject("ecs");
        OrderView.EcsView ecsView = ecs == null ? null
                : new OrderView.EcsView(UUID.fromString(ecs.getString("vpcId")), ecs.getString("securityGroup"),
                        OrderRequest.Provisioning.valueOf(ecs.getString("provisioning")), ecs.getString("flavor"),
                        ecs.getString("name"), ecs.getString("ecsId"));
        String method = r.getString("payment_method");
        return new OrderView(r.getUUID("id"), r.getUUID("account_id"), r.getUUID("seller_id"), r.getUUID("product_id"),
                ProductType.valueOf(r.getString("product_type")), r.getString("product_name"),
                r.getUUID("specification_id"), r.getString("specification_name"),
                PricingModel.valueOf(r.getString("pricing_model")), BillingMode.valueOf(r.getString("billing_mode")),
                r.getInteger("quantity"), r.getInteger("periods"), r.getString("currency"),
                CatalogRepository.price(r.getBigDecimal("unit_price")), r.getBigDecimal("list_price"),
                r.getBigDecimal("discount_amount"), r.getBigDecimal("image_fee"), r.getBigDecimal("ecs_fee"),
                r.getBigDecimal("amount_due"), OrderState.valueOf(r.getString("state")), r.getBoolean("supervised"),
                r.getBoolean("contact_authorized"), r.getBoolean("paid_by_reseller"), r.getString("reseller"),
                method == null ? null : PaymentMethod.valueOf(method), ecsView, r.getString("invoice_state"),
                r.getOffsetDateTime("terms_accepted_at"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("paid_at"), r.getOffsetDateTime("completed_at"), r.getOffsetDateTime("canceled_at"),
                r.getString("cancel_reason"), r.getUUID("offer_id"), r.getBoolean("milestone"), r.getString("kind"),
                r.getUUID("subscription_id"), null);
    }
}
