package dev.opengallery.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money helpers: amounts are BigDecimal, rounded once, explicitly, to the currency's minor unit. */
public final class Money {

    /** Unit prices (hourly image prices especially) may carry up to this many decimals. */
    public static final int MAX_UNIT_PRICE_SCALE = 4;

    private Money() {
    }

    public static int minorDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 0 : digits;
    }

    /** Rounds half-up to the currency's minor unit. */
    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(minorDigits(currency), RoundingMode.HALF_UP);
    }

    /** Rounds down (toward zero) to the currency's minor unit: used where the customer must not be over-paid. */
    public static BigDecimal roundDown(BigDecimal amount, Currency currency) {
        return amount.setScale(minorDigits(currency), RoundingMode.DOWN);
    }

    /** The number of decimals a value really uses (trailing zeros do not count). */
    public static int usedScale(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return Math.max(stripped.scale(), 0);
    }
}
