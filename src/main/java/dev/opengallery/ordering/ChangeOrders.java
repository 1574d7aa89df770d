package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.payments.Ledger;
import dev.opengallery.payments.PaymentMethod;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Places and pays an order that renews or changes a purchased app, in the caller's transaction: an ordinary
 * {@link CustomerOrder} (kind RENEWAL, UPGRADE or EXPANSION, with its subscription), paid at once through
 * the {@link Ledger}, with its events (placed, then paid). If the payment fails the caller's transaction rolls back
 * and nothing remains. A reseller's customer pays nothing (the reseller does). Such orders never open a service flow:
 * renewing a license or a service needs no new delivery. Apps (changes) and renewal call it: ordering creates every
 * order.
 */
@ApplicationScoped
public class ChangeOrders {

    public enum Kind {
        RENEWAL, UPGRADE, EXPANSION
    }

    /** The purchased app a change order is for, as ordering needs it (apps' subscription implements it). */
    public interface App {
        UUID id();

        UUID accountId();

        UUID sellerId();

        UUID productId();

        ProductType productType();

        String productName();

        BillingMode billingMode();

        String currency();
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
    public Uni<Paid> placeAndPay(Tx conn, App s, Line line, PaymentMethod method, UUID actorId, String actorRole) {
        Instant now = clock.now();
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
                    UUID id = UUID.randomUUID();
                    CustomerOrder order = CustomerOrder.place(id, s.accountId(), new OrderLine(s.sellerId(),
                            s.productId(), s.productType(), s.productName(), line.specificationId(),
                            line.specificationName(), line.pricingModel(), s.billingMode(), line.quantity(),
                            line.periods(), s.currency(), line.unitPrice(), line.listPrice(), BigDecimal.ZERO,
                            line.imageFee(), line.ecsFee(), line.amountDue()), line.kind().name(), s.id(),
                            line.renewedFrom(), false, false, reseller, null, null, false, actorId, actorRole,
                            describe(line) + " placed", now);
                    return order.payChange(conn, ledger, how, actorId, actorRole,
                            describe(line) + ": " + s.productName(), now)
                            .invoke(() -> metrics.placedAndPaid(conn, s.productType().name(), line.kind().name(), how,
                                    s.currency(), line.amountDue()))
                            .map(charged -> new Paid(id, how, charged));
                });
    }

    static String describe(Line line) {
        return switch (line.kind()) {
            case RENEWAL -> "Renewal for " + line.periods() + " period" + (line.periods() == 1 ? "" : "s");
            case UPGRADE -> "Upgrade to " + line.specificationName();
            case EXPANSION -> "Capacity expansion to " + line.quantity();
        };
    }
}
