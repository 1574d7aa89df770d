package dev.opengallery.offers;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Currency;

import dev.opengallery.core.Money;

/**
 * A private offer's discount. PERCENTAGE takes that percentage off the list price (rounded half-up to the minor
 * unit); FIXED_PRICE sets the price of the whole offered purchase, so the discount is the list price less it
 * (never below zero). An offer never makes a product free: the discounted price is at least one minor unit (an offer
 * whose discount would take it to zero is refused when the seller makes it; the floor holds should the list price
 * fall later).
 */
public record OfferDiscount(Type type, BigDecimal value) {

    @Schema(name = "DiscountType")
    public enum Type {
        PERCENTAGE, FIXED_PRICE
    }

    /** What the discount takes off the list price, leaving at least one minor unit to pay. */
    public BigDecimal amountOff(BigDecimal listPrice, Currency currency) {
        BigDecimal off = rawAmountOff(listPrice, currency);
        BigDecimal minorUnit = BigDecimal.ONE.movePointLeft(Money.minorDigits(currency));
        BigDecimal most = listPrice.subtract(minorUnit).max(BigDecimal.ZERO);
        return Money.round(off.min(most), currency);
    }

    /** What the discount itself takes off (at most the whole list price), rounded to the minor unit. */
    public BigDecimal rawAmountOff(BigDecimal listPrice, Currency currency) {
        BigDecimal off = switch (type) {
            case PERCENTAGE -> listPrice.multiply(value).movePointLeft(2);
            case FIXED_PRICE -> listPrice.subtract(value).max(BigDecimal.ZERO);
        };
        return Money.round(off.min(listPrice), currency);
    }
}
