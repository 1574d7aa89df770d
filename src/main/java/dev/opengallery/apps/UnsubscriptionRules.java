package dev.opengallery.apps;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Currency;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.Money;

/**
 * Who may unsubscribe and what comes back (guide chapter 8, domain rules "Unsubscription"), as plain functions.
 *
 * <ul>
 * <li>IMAGE, yearly or monthly: allowed. Within {@code fullRefundWithin} (5 days) of the purchase the whole amount
 * paid; after that amount paid x unused days / days bought, rounded down to the minor unit. Unused days are the
 * whole days left until the expiry (a started day is used); days bought run from the start to the expiry.</li>
 * <li>IMAGE pay-per-use: refused; the ECS is deleted instead.</li>
 * <li>SAAS, LICENSE, PROFESSIONAL_SERVICE, CONSULTING_SERVICE, CONTENT_SERVICE, HARDWARE: refused.</li>
 * </ul>
 */
public final class UnsubscriptionRules {

    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    private UnsubscriptionRules() {
    }

    @Schema(name = "UnsubscriptionRule")
    public enum Rule {
        /** Within the first days after the purchase: everything paid comes back. */
        FULL_REFUND,
        /** Amount paid x unused days / days bought, rounded down. */
        PRORATED_REFUND,
        /** The product type or billing mode cannot be unsubscribed. */
        NOT_UNSUBSCRIBABLE,
        /** An invoice has been issued for one of the subscription's orders and not returned. */
        INVOICE_ISSUED,
        /** The subscription is not live any more (released, unsubscribed, canceled). */
        NOT_LIVE
    }

    /**
     * The invoice states that block an unsubscription (ch. 8): an invoice was issued, or its return was asked for
     * and not yet done. Once it is RETURNED (or while it is only REQUESTED) the app can be unsubscribed. Names of
     * {@code invoicing.InvoiceLifecycle.State} (checked by {@code UnsubscriptionRulesTest}).
     */
    public static final List<String> INVOICE_STATES_BLOCKING = List.of("ISSUED", "RETURN_REQUESTED");

    /** Why a product type and billing mode cannot be unsubscribed, or null when they can. */
    public static String refusal(ProductType type, BillingMode mode) {
        return switch (type) {
            case IMAGE -> mode == BillingMode.YEARLY || mode == BillingMode.MONTHLY ? null
                    : "Pay-per-use images cannot be unsubscribed: delete the ECS instead, and billing stops";
            case SAAS -> "SaaS products cannot be unsubscribed";
            case LICENSE -> "Licenses cannot be unsubscribed";
            case PROFESSIONAL_SERVICE -> "Professional services cannot be unsubscribed";
            case CONSULTING_SERVICE -> "Consulting services cannot be unsubscribed";
            case CONTENT_SERVICE -> "Content services cannot be unsubscribed";
            case HARDWARE -> "Hardware products cannot be unsubscribed";
        };
    }

    public record Refund(Rule rule, BigDecimal amountPaid, long daysBought, long unusedDays, BigDecimal refund) {
    }

    /** The refund of a yearly/monthly image unsubscribed at {@code at}. */
    public static Refund imageRefund(BigDecimal amountPaid, Instant purchasedAt, Instant startsAt, Instant expiresAt,
            Instant at, Duration fullRefundWithin, Currency currency) {
        long bought = Math.max(1, ceilDays(startsAt, expiresAt));
        long unused = Math.min(bought, floorDays(at, expiresAt));
        if (at.isBefore(purchasedAt.plus(fullRefundWithin))) {
            return new Refund(Rule.FULL_REFUND, amountPaid, bought, unused, Money.roundDown(amountPaid, currency));
        }
        BigDecimal refund = amountPaid.multiply(BigDecimal.valueOf(unused))
                .divide(BigDecimal.valueOf(bought), Money.minorDigits(currency), java.math.RoundingMode.DOWN);
        return new Refund(Rule.PRORATED_REFUND, amountPaid, bought, unused, refund);
    }

    static long floorDays(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        return seconds <= 0 ? 0 : seconds / DAY_SECONDS;
    }

    static long ceilDays(Instant from, Instant to) {
        return ChangeFees.termDays(from, to);
    }
}
