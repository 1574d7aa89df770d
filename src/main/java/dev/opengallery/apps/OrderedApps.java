package dev.opengallery.apps;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.opengallery.core.Tx;
import dev.opengallery.ordering.Fulfilment;
import dev.opengallery.ordering.OrderView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** The purchased app of an order, as ordering's state machine moves the order (apps owns the subscription table). */
@ApplicationScoped
public class OrderedApps implements Fulfilment.PurchasedApps {

    @Override
    public Uni<Void> open(Tx tx, OrderView o, Instant start, boolean visible, String ecsId) {
        BigDecimal rate = o.listPrice().signum() == 0 ? BigDecimal.ONE
                : o.listPrice().subtract(o.discountAmount()).divide(o.listPrice(), 6, RoundingMode.HALF_UP);
        BigDecimal paid = o.paidByReseller() ? BigDecimal.ZERO : o.amountDue();
        Subscription s = Subscription.open(UUID.randomUUID(), o.accountId(), o.id(), o.productId(),
                o.specificationId(), o.productType(), o.billingMode(), o.quantity(), o.periods(), rate, paid, start,
                visible, ecsId);
        return tx.session().persist(s);
    }

    /*
     * cancel and show stay one conditional statement each: ordering's jobs complete or cancel a batch of orders
     * concurrently in one transaction, and a Hibernate Reactive session serves one operation at a time; the states
     * come from SubscriptionRules all the same.
     */

    @Override
    public Uni<Void> cancel(Tx tx, UUID orderId) {
        return tx.preparedQuery("""
                update subscription set status = $2, version = version + 1 where order_id = $1 and status = any($3)""")
                .execute(Tuple.of(orderId, AppStatus.CANCELED.name(), names(SubscriptionRules.CANCELABLE)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> show(Tx tx, UUID orderId) {
        return tx.preparedQuery("update subscription set visible = true, version = version + 1 where order_id = $1")
                .execute(Tuple.of(orderId)).replaceWithVoid();
    }

    private static String[] names(java.util.List<AppStatus> states) {
        return states.stream().map(Enum::name).toArray(String[]::new);
    }
}
