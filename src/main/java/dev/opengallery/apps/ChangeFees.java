package dev.opengallery.apps;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.Pricing;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.Specification;
import dev.opengallery.core.Money;
import dev.opengallery.core.ProblemException;

/**
 * The fee formulas of specification upgrades and capacity expansion (guide 3.2, domain rules "Upgrade and
 * capacity expansion"), as plain functions.
 *
 * <ul>
 * <li>A specification's <b>daily price</b> is its price for the subscription's current term (the catalogue's
 * pricing function, for the term's number of periods) divided by the calendar days of that term.</li>
 * <li><b>Remaining days</b> are the whole days from the change to the expiry, a started day counting whole.</li>
 * <li><b>Discount</b> is the rate the subscription was bought with (1 when none).</li>
 * <li>Upgrade fee = new daily price x remaining days x discount - original daily price x remaining days x
 * discount; negative is a downgrade and is refused.</li>
 * <li>Expansion, LINEAR and TIERED (and every model for subscriptions bought before the cutover): the same with
 * the price of the total quantity after expansion at the unit price of the tier that total falls in.</li>
 * <li>Expansion, VOLUME (bought on or after the cutover): daily unit price of the tier of the total x added units
 * x remaining days x discount.</li>
 * </ul>
 *
 * Nothing is rounded on the way: the exact value is rounded half-up to the currency's minor unit once, at the
 * end. The daily prices and terms a quote shows are the same values written with {@link #SHOWN_SCALE} decimals.
 */
public final class ChangeFees {

    /** Decimals of the intermediate values a quote shows (the fee itself is computed without rounding them). */
    public static final int SHOWN_SCALE = 6;
    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    private ChangeFees() {
    }

    /** The subscription's current term: start, expiry, number of periods, and its list price (before discount). */
    public record Term(Instant startsAt, Instant expiresAt, int periods, BigDecimal listPrice) {
    }

    @Schema(name = "ChangeFeeRule")
    public enum Rule {
        /** new daily x remaining x discount - original daily x remaining x discount */
        UPGRADE,
        /** LINEAR and TIERED, and every model bought before the cutover: priced on the total after expansion */
        EXPANSION_TOTAL,
        /** VOLUME bought on or after the cutover: only the added units, at the tier of the total */
        EXPANSION_ADDED_UNITS
    }

    /** A fee and its working. */
    public record Fee(Rule rule, long termDays, long remainingDays, BigDecimal discount, BigDecimal newTermPrice,
            BigDecimal originalTermPrice, BigDecimal newUnitPrice, Integer addedUnits, BigDecimal newDailyPrice,
            BigDecimal originalDailyPrice, BigDecimal newTerm, BigDecimal originalTerm, BigDecimal exactFee,
            BigDecimal fee, String formula) {
    }

    /** Calendar days of a term: whole days from its start to its end (a started day counting whole). */
    public static long termDays(Instant start, Instant end) {
        return ceilDays(start, end);
    }

    /** Whole days from {@code at} to {@code expiry}, a started day counting as a whole day; 0 once expired. */
    public static long remainingDays(Instant at, Instant expiry) {
        return ceilDays(at, expiry);
    }

    private static long ceilDays(Instant from, Instant to) {
        long seconds = Duration.between(from, to).toSeconds();
        if (Duration.between(from, to).toNanosPart() > 0) {
            seconds++;
        }
        return seconds <= 0 ? 0 : Math.floorDiv(seconds + DAY_SECONDS - 1, DAY_SECONDS);
    }

    /**
     * The fee of moving to {@code newSpec} with {@code quantity} for the rest of the term. Refused (422) when it
     * would be negative: that is a downgrade.
     */
    public static Fee upgrade(Specification newSpec, BillingMode mode, int quantity, Term term, Instant at,
            BigDecimal discount, Currency currency) {
        long days = termDays(term.startsAt(), term.expiresAt());
        long remaining = remaining(term, at);
        BigDecimal newPrice = Pricing.quote(newSpec, mode, quantity, term.periods(), currency).amount();
        Fee fee = total(Rule.UPGRADE, newPrice, term.listPrice(), null, null, days, remaining, discount, currency);
        if (fee.exactFee().signum() < 0) {
            throw ProblemException.unprocessable("This change is a downgrade: its fee would be " + fee.fee()
                    + " (" + fee.formula() + "). Only upgrades are possible during a term; choose a larger "
                    + "specification, or change at renewal");
        }
        return fee;
    }

    /**
     * The fee of adding {@code added} units to a subscription of {@code spec} holding {@code current} units.
     * {@code newRule}: bought on or after the cutover date. A fee the formula makes negative (a total that falls
     * in a cheaper tier) is charged as zero: an expansion never refunds.
     */
    public static Fee expansion(Specification spec, BillingMode mode, int current, int added, Term term, Instant at,
            BigDecimal discount, boolean newRule, Currency currency) {
        if (added < 1) {
            throw ProblemException.invalid("addedQuantity", "must be at least 1");
        }
        long days = termDays(term.startsAt(), term.expiresAt());
        long remaining = remaining(term, at);
        int total = Math.addExact(current, added);
        Pricing.Quote totalQuote = Pricing.quote(spec, mode, total, term.periods(), currency);
        if (newRule && spec.pricingModel() == PricingModel.VOLUME) {
            return addedUnits(totalQuote, added, term, days, remaining, discount, currency);
        }
        return total(Rule.EXPANSION_TOTAL, totalQuote.amount(), term.listPrice(), totalQuote.unitPrice(), added, days,
                remaining, discount, currency);
    }

    private static long remaining(Term term, Instant at) {
        long remaining = remainingDays(at, term.expiresAt());
        if (remaining == 0) {
            throw ProblemException.unprocessable("The subscription expired on " + term.expiresAt()
                    + ": renew it before changing it");
        }
        return remaining;
    }

    /** new price x remaining x discount / days - original price x remaining x discount / days. */
    static Fee total(Rule rule, BigDecimal newTermPrice, BigDecimal originalTermPrice, BigDecimal unitPrice,
            Integer added, long days, long remaining, BigDecimal discount, Currency currency) {
        BigDecimal d = BigDecimal.valueOf(days);
        BigDecimal r = BigDecimal.valueOf(remaining);
        BigDecimal newNumerator = newTermPrice.multiply(r).multiply(discount);
        BigDecimal originalNumerator = originalTermPrice.multiply(r).multiply(discount);
        BigDecimal exactNumerator = newNumerator.subtract(originalNumerator);
        BigDecimal fee = exactNumerator.divide(d, Money.minorDigits(currency), RoundingMode.HALF_UP);
        BigDecimal newDaily = shown(newTermPrice, d);
        BigDecimal originalDaily = shown(originalTermPrice, d);
        BigDecimal newTerm = shown(newNumerator, d);
        BigDecimal originalTerm = shown(originalNumerator, d);
        BigDecimal exact = shown(exactNumerator, d);
        BigDecimal charged = rule == Rule.UPGRADE || fee.signum() >= 0 ? fee
                : BigDecimal.ZERO.setScale(Money.minorDigits(currency));
        String formula = newDaily.toPlainString() + " x " + remaining + " x " + discount.stripTrailingZeros().toPlainString()
                + " - " + originalDaily.toPlainString() + " x " + remaining + " x "
                + discount.stripTrailingZeros().toPlainString() + " = " + exact.toPlainString() + " -> " + fee.toPlainString()
                + (charged.compareTo(fee) != 0 ? " (an expansion never refunds: charged " + charged.toPlainString() + ")" : "");
        return new Fee(rule, days, remaining, discount, newTermPrice, originalTermPrice, unitPrice, added, newDaily,
                originalDaily, newTerm, originalTerm, exact, charged, formula);
    }

    /** unit price of the tier of the total x term periods / days x added x remaining x discount. */
    static Fee addedUnits(Pricing.Quote totalQuote, int added, Term term, long days, long remaining,
            BigDecimal discount, Currency currency) {
        BigDecimal d = BigDecimal.valueOf(days);
        BigDecimal unitForTerm = totalQuote.unitPrice().multiply(BigDecimal.valueOf(term.periods()));
        BigDecimal numerator = unitForTerm.multiply(BigDecimal.valueOf(added)).multiply(BigDecimal.valueOf(remaining))
                .multiply(discount);
        BigDecimal fee = numerator.divide(d, Money.minorDigits(currency), RoundingMode.HALF_UP);
        BigDecimal unitDaily = shown(unitForTerm, d);
        BigDecimal exact = shown(numerator, d);
        String formula = unitDaily.toPlainString() + " x " + added + " x " + remaining + " x "
                + discount.stripTrailingZeros().toPlainString() + " = " + exact.toPlainString() + " -> " + fee.toPlainString();
        return new Fee(Rule.EXPANSION_ADDED_UNITS, days, remaining, discount, totalQuote.amount(), term.listPrice(),
                totalQuote.unitPrice(), added, unitDaily, shown(term.listPrice(), d), exact,
                BigDecimal.ZERO.setScale(SHOWN_SCALE), exact, fee, formula);
    }

    private static BigDecimal shown(BigDecimal numerator, BigDecimal days) {
        return numerator.divide(days, SHOWN_SCALE, RoundingMode.HALF_UP);
    }
}
