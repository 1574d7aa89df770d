package dev.opengallery.supervision;

import java.time.Instant;

import dev.opengallery.catalog.ProductType;

/**
 * What a flow's moves need of its order and product (read, never written here), and who opened its open appeal
 * (for the "frozen" answer).
 *
 * @param milestones how many milestones the order has (1 for an order without a milestone plan)
 */
record FlowContext(ProductType type, String productName, boolean milestoneOrder, int milestones, String appealRole,
        Instant appealOpenedAt) {

    /** The columns, read with the flow's order id ($1) and its open appeal's id ($2). */
    static final String SELECT = """
            select o.product_type, o.product_name, o.milestone as milestone_order,
                coalesce(case when o.milestone then array_length(po.milestones, 1) end, 1) as milestones,
                ap.opened_role as appeal_role, ap.opened_at as appeal_opened_at
            from customer_order o
            left join private_offer po on po.id = o.offer_id
            left join flow_appeal ap on ap.id = $2
            where o.id = $1""";

    static FlowContext of(io.vertx.mutiny.sqlclient.Row r) {
        java.time.OffsetDateTime opened = r.getOffsetDateTime("appeal_opened_at");
        return new FlowContext(ProductType.valueOf(r.getString("product_type")), r.getString("product_name"),
                r.getBoolean("milestone_order"), r.getInteger("milestones"), r.getString("appeal_role"),
                opened == null ? null : opened.toInstant());
    }

    /** Professional and consulting services take a requirement description and attachments with the request. */
    boolean service() {
        return type == ProductType.PROFESSIONAL_SERVICE || type == ProductType.CONSULTING_SERVICE;
    }
}
