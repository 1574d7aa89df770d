package dev.opengallery.offers;

import java.math.BigDecimal;
import java.util.Currency;

import dev.opengallery.core.Money;

/**
 * A private offer's discount. PERCENTAGE takes that percentage off the list price (rounded half-up to the minor
 * unit); FIXED_PRICE sets the price of the whole offered purchase, so the discount is the list price less it
 * (never below zero).
 */
public record OfferDiscount(Type type, BigDecimal value) {

    public enum Type {
        PERCENTAGE, FIXED_PRICE
    }

    public BigDecimal amountOff(BigDecimal listPrice, Currency currency) {
        BigDecimal off = switch (type) {
            case PERCENTAGE -> listPrice.multiply(value).movePointLeft(2);
            case FIXED_PRICE -> listPrice.subtract(value).max(BigDecimal.ZERO);
        };
        return Money.round(off.min(listPrice), currency);
    }
}
