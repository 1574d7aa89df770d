package dev.opengallery.apps;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.catalog.PricingModel;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.ProblemException;
import dev.opengallery.payments.Ledger;
import dev.opengallery.ordering.OrderMetrics;
import dev.opengallery.payments.PaymentMethod;
import dev.opengallery.ordering.PaymentRules;
import dev.opengallery.catalog.ProductType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Places and pays an order that renews or changes a purchased app, in the caller's transaction: an ordinary
 * {@code customer_order} row (kind RENEWAL, UPGRADE or EXPANSION, with its subscription), paid at once through
 * the {@link Ledger}, with its {@code order_event} rows (placed, then paid). If the payment fails the caller's
 * transaction rolls back and nothing remains. A reseller's customer pays nothing (the reseller does). Such orders
 * never open a service flow: renewing a license or a service needs no new delivery.
 */
@ApplicationScoped
public class ChangeOrders {

    public enum Kind {
        RENEWAL, UPGRADE, EXPANSION
    }

    /** What the order buys. {@code renewedFrom}: the expiry a renewal extends (null for changes). */
    public record Line(Kind kind, UUID specificationId, String specificationName, PricingModel pricingModel,
            int quantity, int periods, BigDecimal unitPrice, BigDecimal listPrice, BigDecimal imageFee,
            BigDecimal ecsFee, BigDecimal amountDue, OffsetDateTime renewedFrom) {
    }

    /** The paid order: its id, how it was paid, and what left the buyer's account (zero when a reseller pays). */
    public record Paid(UUID orderId, PaymentMethod method, BigDecimal charged) {
    }

    @Inject
    Ledger ledger;

    @Inject
    AppClock clock;

    @Inject
    OrderMetrics metrics;

    /**
     * @param method what the buyer asked for, checked by {@link PaymentRules} (a reseller's customer names none or
     *        RESELLER); null from the auto-renewal job (actor role "system") takes the balance when it covers the
     *        amount and else the credit line
     */
    public Uni<Paid> placeAndPay(Tx conn, Subscription s, Line line, PaymentMethod method, UUID actorId,
            String actorRole) {
        Instant now = clock.now();
        OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        return conn.preparedQuery("select reseller, balance, credit_limit from account where id = $1")
                .execute(Tuple.of(s.accountId())).chain(rows -> {
                    Row a = rows.iterator().next();
                    String reseller = a.getString("reseller");
                    PaymentRules.Decision decision = PaymentRules.decide(PaymentRules.kind(new PaymentRules.Facts(
                            line.kind().name(), false, reseller != null, s.productType() == ProductType.IMAGE, false,
                            false)), method);
                    if (decision.refused()) {
                        return Uni.createFrom().failure(ProblemException.unprocessable("paymentMethod",
                                decision.refusal()));
                    }
                    boolean automatic = "system".equals(actorRole);
                    if (decision.method() == null && !automatic) {
                        return Uni.createFrom().failure(ProblemException.invalid("paymentMethod",
                                "is required: BALANCE or CREDIT"));
                    }
                    // the auto-renewal job takes the balance when it covers the amount, else the credit line
                    PaymentMethod how = decision.method() != null ? decision.method()
                            : a.getBigDecimal("balance").compareTo(line.amountDue()) >= 0
                                    || a.getBigDecimal("credit_limit").signum() == 0 ? PaymentMethod.BALANCE
                            : PaymentMethod.CREDIT;
                    Tuple t = Tuple.tuple().addValue(id).addValue(s.accountId()).addValue(s.sellerId())
                            .addValue(s.productId()).addValue(s.productType().name()).addValue(s.productName())
                            .addValue(line.specificationId()).addValue(line.specificationName())
                            .addValue(line.pricingModel().name()).addValue(s.billingMode().name())
                            .addValue(line.quantity()).addValue(line.periods()).addValue(s.currency())
                            .addValue(line.unitPrice()).addValue(line.listPrice()).addValue(line.imageFee())
                            .addValue(line.ecsFee()).addValue(line.amountDue()).addValue(reseller != null)
                            .addValue(reseller).addValue(ts).addValue(line.kind().name()).addValue(s.id())
                            .addValue(line.renewedFrom());
                    Uni<?> insert = conn.preparedQuery("""
                            insert into customer_order (id, account_id, seller_id, product_id, product_type, product_name,
                                specification_id, specification_name, pricing_model, billing_mode, quantity, periods,
                                currency, unit_price, list_price, discount_amount, image_fee, ecs_fee, amount_due, state,
                                supervised, contact_authorized, paid_by_reseller, reseller, terms_accepted_at, created_at,
                                kind, subscription_id, renewed_from)
                            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 0, $16, $17, $18,
                                'PENDING_PAYMENT', false, false, $19, $20, $21, $21, $22, $23, $24)""").execute(t)
                            .chain(() -> event(conn, id, actorId, actorRole, null, "PENDING_PAYMENT",
                                    describe(line) + " placed"));
                    Uni<?> money = insert;
                    BigDecimal charged = BigDecimal.ZERO.setScale(line.amountDue().scale());
                    if (how != PaymentMethod.RESELLER && line.amountDue().signum() > 0) {
                        charged = line.amountDue();
                        money = insert.chain(() -> ledger.post(conn, s.accountId(), Ledger.Kind.PAYMENT,
                                line.amountDue().negate(),
                                how == PaymentMethod.BALANCE ? Ledger.Floor.ZERO : Ledger.Floor.CREDIT_LIMIT, id, null,
                                describe(line) + ": " + s.productName(), now));
                    }
                    BigDecimal paid = charged;
                    return money.chain(() -> conn.preparedQuery("""
                            update customer_order set state = 'COMPLETED', payment_method = $2, paid_at = $3,
                                completed_at = $3, version = version + 1 where id = $1 and state = 'PENDING_PAYMENT'""")
                            .execute(Tuple.of(id, how.name(), ts)))
                            .chain(() -> event(conn, id, actorId, actorRole, "PENDING_PAYMENT", "COMPLETED",
                                    how == PaymentMethod.RESELLER ? "paid by reseller" : "paid by " + how))
                            .invoke(() -> metrics.placedAndPaid(conn, s.productType().name(), line.kind().name(), how,
                                    s.currency(), line.amountDue()))
                            .replaceWith(new Paid(id, how, paid));
                });
    }

    static String describe(Line line) {
        return switch (line.kind()) {
            case RENEWAL -> "Renewal for " + line.periods() + " period" + (line.periods() == 1 ? "" : "s");
            case UPGRADE -> "Upgrade to " + line.specificationName();
            case EXPANSION -> "Capacity expansion to " + line.quantity();
        };
    }

    private Uni<Void> event(Tx conn, UUID orderId, UUID actorId, String role, String from, String to,
            String reason) {
        return conn.preparedQuery("""
                insert into order_event (order_id, at, actor_id, actor_role, from_state, to_state, reason)
                values ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.tuple().addValue(orderId).addValue(clock.now().atOffset(ZoneOffset.UTC)).addValue(actorId)
                        .addValue(role).addValue(from).addValue(to).addValue(reason))
                .replaceWithVoid();
    }
}
