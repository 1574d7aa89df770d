package dev.opengallery.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import dev.opengallery.core.Money;
import dev.opengallery.core.ProblemException;

/**
 * The one pricing function: the catalogue's quotes and the orders use it. Price = unit price of the tier the
 * whole quantity falls in (the only tier for FLAT and LINEAR) x quantity x periods, rounded half-up to the
 * currency's minor unit once, at the end.
 */
public final class Pricing {

    /** Longest purchase per billing mode, in periods (years, months, hours). */
    public static int maxPeriods(BillingMode mode) {
        return switch (mode) {
            case YEARLY -> 5;
            case MONTHLY -> 36;
            case PAY_PER_USE -> 24 * 366;
            case ONE_TIME -> 1;
        };
    }

    private Pricing() {
    }

    public record Quote(BillingMode billingMode, int quantity, int periods, BigDecimal unitPrice, Tier tier,
            BigDecimal amount, String currency) {
    }

    public static Quote quote(Specification spec, BillingMode mode, int quantity, int periods, Currency currency) {
        Specification.Price price = spec.price(mode);
        if (price == null) {
            throw ProblemException.unprocessable(
                    "Specification '" + spec.name() + "' is not sold with billing mode " + mode);
        }
        if (quantity < spec.minQuantity() || (spec.maxQuantity() != null && quantity > spec.maxQuantity())) {
            throw ProblemException.invalid("quantity", "must be between " + spec.minQuantity() + " and "
                    + (spec.maxQuantity() == null ? "any number" : spec.maxQuantity()));
        }
        if (periods < 1 || periods > maxPeriods(mode)) {
            throw ProblemException.invalid("periods", "must be between 1 and " + maxPeriods(mode) + " for " + mode);
        }
        Tier tier = tierFor(price.tiers(), quantity);
        BigDecimal raw = tier.unitPrice().multiply(BigDecimal.valueOf(quantity)).multiply(BigDecimal.valueOf(periods));
        return new Quote(mode, quantity, periods, tier.unitPrice(), tier, Money.round(raw, currency),
                currency.getCurrencyCode());
    }

    /** The tier the whole quantity falls in. */
    public static Tier tierFor(List<Tier> tiers, int quantity) {
        for (Tier t : tiers) {
            if (t.contains(quantity)) {
                return t;
            }
        }
        throw ProblemException.invalid("quantity", "no price tier covers quantity " + quantity);
    }
}
