package dev.opengallery.ordering;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.opengallery.core.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An order's {@code invoice_state} follows the invoice it is on. Invoicing (above ordering) calls this in the
 * transaction that moves the invoice; ordering owns the {@code customer_order} table, so the write lives here.
 */
@ApplicationScoped
public class OrderInvoicing {

    /**
     * Sets the invoice state of the orders (NONE, REQUESTED, ISSUED, RETURN_REQUESTED or RETURNED, as the invoice
     * they are on), in the caller's transaction; each order's version moves on.
     */
    public Uni<Void> follow(Tx tx, List<UUID> orderIds, String invoiceState) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                update customer_order set invoice_state = $2, version = version + 1 where id = any($1)""")
                .execute(Tuple.of(orderIds.toArray(new UUID[0]), invoiceState)).replaceWithVoid();
    }
}
