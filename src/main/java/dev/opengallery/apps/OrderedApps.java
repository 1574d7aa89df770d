package dev.opengallery.apps;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        OffsetDateTime starts = start.atOffset(ZoneOffset.UTC);
        OffsetDateTime expires = switch (o.billingMode()) {
            case YEARLY -> starts.plusYears(o.periods());
            case MONTHLY -> starts.plusMonths(o.periods());
            default -> null;
        };
        BigDecimal rate = o.listPrice().signum() == 0 ? BigDecimal.ONE
                : o.listPrice().subtract(o.discountAmount()).divide(o.listPrice(), 6, RoundingMode.HALF_UP);
        BigDecimal paid = o.paidByReseller() ? BigDecimal.ZERO : o.amountDue();
        return tx.preparedQuery("""
                insert into subscription (id, account_id, order_id, product_id, specification_id, product_type,
                    billing_mode, quantity, discount_rate, amount_paid, starts_at, expires_at, status, visible, ecs_id,
                    created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'ACTIVE', $13, $14, $11)""")
                .execute(Tuple.tuple().addValue(UUID.randomUUID()).addValue(o.accountId()).addValue(o.id())
                        .addValue(o.productId()).addValue(o.specificationId()).addValue(o.productType().name())
                        .addValue(o.billingMode().name()).addValue(o.quantity()).addValue(rate).addValue(paid)
                        .addValue(starts).addValue(expires).addValue(visible).addValue(ecsId))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> cancel(Tx tx, UUID orderId) {
        return tx.preparedQuery("update subscription set status = 'CANCELED', version = version + 1 where order_id = $1")
                .execute(Tuple.of(orderId)).replaceWithVoid();
    }

    @Override
    public Uni<Void> show(Tx tx, UUID orderId) {
        return tx.preparedQuery("update subscription set visible = true, version = version + 1 where order_id = $1")
                .execute(Tuple.of(orderId)).replaceWithVoid();
    }
}
