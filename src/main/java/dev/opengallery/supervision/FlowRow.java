package dev.opengallery.supervision;

import static dev.opengallery.core.Times.ts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.opengallery.catalog.ProductType;
import io.vertx.mutiny.sqlclient.Row;

/** A flow as the read model shows it ({@link FlowQueries}), with what it needs of its order and product. */
record FlowRow(UUID id, UUID orderId, UUID accountId, UUID sellerId, FlowState state, Instant stateSince,
        int requestRejections, int deliveryRejections, int deliveriesThisRound, int milestone, int milestones,
        String requestText, String requirement, Instant acceptedAt, Instant closedAt, Instant lastRemindedAt,
        UUID openAppealId, String appealRole, Instant appealOpenedAt, Instant createdAt, long version,
        UUID productId, ProductType type, String productName, String specificationName, String orderState,
        BigDecimal amount, String currency, boolean milestoneOrder, String invoiceState, String requestTemplate,
        String guideUrl) {

    /** Every column a read needs; callers add WHERE (and FOR UPDATE OF f). */
    static final String SELECT = """
            select f.id, f.order_id, f.account_id, f.seller_id, f.state, f.state_since, f.request_rejections,
                f.delivery_rejections, f.deliveries_this_round, f.milestone, f.request_text, f.requirement,
                f.accepted_at, f.closed_at, f.last_reminded_at, f.open_appeal_id, f.created_at, f.version,
                ap.opened_role as appeal_role, ap.opened_at as appeal_opened_at,
                o.product_id, o.product_type, o.product_name, o.specification_name, o.state as order_state,
                o.amount_due, o.currency, o.milestone as milestone_order, o.invoice_state,
                coalesce(case when o.milestone then array_length(po.milestones, 1) end, 1) as milestones,
                p.request_template, p.guide_url
            from service_flow f
            join customer_order o on o.id = f.order_id
            join product p on p.id = o.product_id
            left join private_offer po on po.id = o.offer_id
            left join flow_appeal ap on ap.id = f.open_appeal_id
            """;

    static FlowRow of(Row r) {
        return new FlowRow(r.getUUID("id"), r.getUUID("order_id"), r.getUUID("account_id"), r.getUUID("seller_id"),
                FlowState.valueOf(r.getString("state")), instant(r.getOffsetDateTime("state_since")),
                r.getInteger("request_rejections"), r.getInteger("delivery_rejections"),
                r.getInteger("deliveries_this_round"), r.getInteger("milestone"), r.getInteger("milestones"),
                r.getString("request_text"), r.getString("requirement"), instant(r.getOffsetDateTime("accepted_at")),
                instant(r.getOffsetDateTime("closed_at")), instant(r.getOffsetDateTime("last_reminded_at")),
                r.getUUID("open_appeal_id"), r.getString("appeal_role"), instant(r.getOffsetDateTime("appeal_opened_at")),
                instant(r.getOffsetDateTime("created_at")), r.getLong("version"), r.getUUID("product_id"),
                ProductType.valueOf(r.getString("product_type")), r.getString("product_name"),
                r.getString("specification_name"), r.getString("order_state"), r.getBigDecimal("amount_due"),
                r.getString("currency"), r.getBoolean("milestone_order"), r.getString("invoice_state"),
                r.getString("request_template"), r.getString("guide_url"));
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    FlowFacts facts() {
        return new FlowFacts(type, state, stateSince, openAppealId != null, requestRejections, deliveryRejections,
                deliveriesThisRound, milestone, milestones);
    }

    boolean frozen() {
        return openAppealId != null;
    }

    FlowViews.FlowSummary summary() {
        return new FlowViews.FlowSummary(id, orderId, accountId, sellerId, productId, type, productName,
                specificationName, state, frozen(), openAppealId, milestone, milestones, orderState, amount, currency,
                ts(createdAt), ts(stateSince), version);
    }

}
