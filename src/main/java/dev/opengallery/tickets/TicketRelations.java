package dev.opengallery.tickets;

import java.util.List;
import java.util.UUID;

import dev.opengallery.catalog.ProductStatus;
import dev.opengallery.core.Problem;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a new ticket concerns, checked against its buyer: an order or a purchased app must be the buyer's own, a
 * product must be on sale or one the buyer has ordered; otherwise 404 naming the field (another buyer's order is not
 * told apart from an unknown one). The product and its seller are derived from it.
 */
final class TicketRelations {

    static final String ORDER = "select product_id, seller_id from customer_order where id = $1 and account_id = $2";

    static final String APP = """
            select s.product_id, p.seller_id from subscription s join product p on p.id = s.product_id
            where s.id = $1 and s.account_id = $2""";

    static final String PRODUCT = """
            select p.id as product_id, p.seller_id from product p
            where p.id = $1 and (p.status = $3
                or exists (select 1 from customer_order o where o.product_id = p.id and o.account_id = $2))""";

    private TicketRelations() {
    }

    static Uni<Ticket.Related> check(Sql sql, UUID buyer, TicketInput.Opening o) {
        if (o.orderId() != null) {
            return one(sql, ORDER, Tuple.of(o.orderId(), buyer), "orderId", "Order")
                    .map(r -> new Ticket.Related(o.orderId(), null, r.getUUID("product_id"), r.getUUID("seller_id")));
        }
        if (o.appId() != null) {
            return one(sql, APP, Tuple.of(o.appId(), buyer), "appId", "Purchased app")
                    .map(r -> new Ticket.Related(null, o.appId(), r.getUUID("product_id"), r.getUUID("seller_id")));
        }
        if (o.productId() != null) {
            return one(sql, PRODUCT, Tuple.of(o.productId(), buyer, ProductStatus.LISTED.name()), "productId",
                    "Product").map(r -> new Ticket.Related(null, null, r.getUUID("product_id"), r.getUUID("seller_id")));
        }
        return Uni.createFrom().item(Ticket.Related.NONE);
    }

    private static Uni<Row> one(Sql sql, String query, Tuple args, String field, String what) {
        return sql.preparedQuery(query).execute(args).map(rows -> {
            if (rows.size() == 0) {
                throw new ProblemException(404, "not-found", "Not found", what + " was not found",
                        List.of(new Problem.FieldError(field, "is not one of yours" + (field.equals("productId")
                                ? " nor on sale" : ""))), null);
            }
            return rows.iterator().next();
        });
    }
}
