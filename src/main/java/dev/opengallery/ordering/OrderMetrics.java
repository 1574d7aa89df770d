package dev.opengallery.ordering;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.opengallery.payments.PaymentMethod;
import dev.opengallery.core.Tx;

/**
 * Business counters of ordering, counted only once the transaction that placed or paid the order has committed (a
 * payment that rolls back, or an idempotent replay, counts nothing):
 * <ul>
 * <li>{@code opengallery_orders_placed_total{product_type, kind, payment_method}}: orders placed; payment_method is
 * the way of paying chosen at placing ({@code NONE}: placed unpaid, or a pay-per-use image that owes nothing
 * now);</li>
 * <li>{@code opengallery_orders_paid_total{product_type, kind, payment_method}}: orders paid (at placing or
 * later);</li>
 * <li>{@code opengallery_orders_revenue_total{currency, payment_method}}: the amount of each order as it is paid, in
 * the currency's major unit (12.34 means 12.34 USD). RESELLER orders count their reference amount (the reseller
 * pays), MONTHLY_SETTLEMENT orders their whole amount (settled later, bill by bill); milestone bill payments and
 * hourly image charges are not counted here.</li>
 * </ul>
 * kind is NEW, RENEWAL, UPGRADE or EXPANSION. A few counter increments per order: cheap on the hot path.
 */
@ApplicationScoped
public class OrderMetrics {

    static final String NONE = "NONE";

    @Inject
    MeterRegistry registry;

    /** An order placed in the transaction on {@code conn}, counted once it commits. */
    public void placed(Tx conn, String productType, String kind, PaymentMethod method) {
        Counter c = Counter.builder("opengallery.orders.placed").description("Orders placed")
                .tag("product_type", productType).tag("kind", kind).tag("payment_method", name(method))
                .register(registry);
        conn.afterCommit(c::increment);
    }

    /** An order paid in the transaction on {@code conn}, counted (with its amount) once it commits. */
    public void paid(Tx conn, String productType, String kind, PaymentMethod method, String currency,
            BigDecimal amount) {
        Counter paid = Counter.builder("opengallery.orders.paid").description("Orders paid")
                .tag("product_type", productType).tag("kind", kind).tag("payment_method", name(method))
                .register(registry);
        Counter revenue = Counter.builder("opengallery.orders.revenue")
                .description("Amount of the orders paid, in the currency's major unit")
                .tag("currency", currency).tag("payment_method", name(method)).register(registry);
        double value = amount == null ? 0 : amount.doubleValue();
        conn.afterCommit(() -> {
            paid.increment();
            if (value > 0) {
                revenue.increment(value);
            }
        });
    }

    /** A renewal, upgrade or expansion: placed and paid at once. */
    public void placedAndPaid(Tx conn, String productType, String kind, PaymentMethod method,
            String currency, BigDecimal amount) {
        placed(conn, productType, kind, method);
        paid(conn, productType, kind, method, currency, amount);
    }

    private static String name(PaymentMethod method) {
        return method == null ? NONE : method.name();
    }
}
