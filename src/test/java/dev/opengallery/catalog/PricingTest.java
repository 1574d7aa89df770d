package dev.opengallery.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.ProblemException;

class PricingTest {

    static final Currency USD = Currency.getInstance("USD");
    static final Currency JPY = Currency.getInstance("JPY");

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Specification spec(PricingModel model, int min, Integer max, BillingMode mode, Tier... tiers) {
        return new Specification(null, "S", null, model, model == PricingModel.FLAT ? null : "user", min, max,
                List.of(new Specification.Price(mode, tiers[0].unitPrice(), List.of(tiers))));
    }

    /** 1-10 users at 12.00, 11-50 at 10.00, 51+ at 8.00 (monthly). */
    static final Tier[] TIERS = { new Tier(1, 10, d("12.00")), new Tier(11, 50, d("10.00")), new Tier(51, null, d("8.00")) };

    @Test
    void linearIsUnitPriceTimesQuantityTimesPeriods() {
        Specification s = spec(PricingModel.LINEAR, 1, 500, BillingMode.MONTHLY, new Tier(1, 500, d("9.90")));
        // 9.90 x 7 users x 3 months = 207.90
        assertEquals(d("207.90"), Pricing.quote(s, BillingMode.MONTHLY, 7, 3, USD).amount());
    }

    @Test
    void tieredUsesTheTierTheWholeQuantityFallsIn() {
        Specification s = spec(PricingModel.TIERED, 1, null, BillingMode.MONTHLY, TIERS);
        assertEquals(d("120.00"), Pricing.quote(s, BillingMode.MONTHLY, 10, 1, USD).amount()); // 12 x 10
        assertEquals(d("110.00"), Pricing.quote(s, BillingMode.MONTHLY, 11, 1, USD).amount()); // 10 x 11
        assertEquals(d("500.00"), Pricing.quote(s, BillingMode.MONTHLY, 50, 1, USD).amount()); // 10 x 50
        assertEquals(d("408.00"), Pricing.quote(s, BillingMode.MONTHLY, 51, 1, USD).amount()); // 8 x 51
        assertEquals(d("3000.00"), Pricing.quote(s, BillingMode.MONTHLY, 25, 12, USD).amount()); // 10 x 25 x 12
        assertEquals(new Tier(11, 50, d("10.00")), Pricing.quote(s, BillingMode.MONTHLY, 25, 1, USD).tier());
    }

    @Test
    void volumeIsPricedLikeTieredForAPurchase() {
        Specification s = spec(PricingModel.VOLUME, 1, null, BillingMode.MONTHLY, TIERS);
        assertEquals(d("110.00"), Pricing.quote(s, BillingMode.MONTHLY, 11, 1, USD).amount());
        assertEquals(d("800.00"), Pricing.quote(s, BillingMode.MONTHLY, 100, 1, USD).amount());
    }

    @Test
    void everyBillingMode() {
        Specification yearly = spec(PricingModel.FLAT, 1, 1, BillingMode.YEARLY, new Tier(1, 1, d("1200.00")));
        assertEquals(d("2400.00"), Pricing.quote(yearly, BillingMode.YEARLY, 1, 2, USD).amount());
        Specification monthly = spec(PricingModel.FLAT, 1, 1, BillingMode.MONTHLY, new Tier(1, 1, d("99.00")));
        assertEquals(d("594.00"), Pricing.quote(monthly, BillingMode.MONTHLY, 1, 6, USD).amount());
        Specification once = spec(PricingModel.FLAT, 1, 1, BillingMode.ONE_TIME, new Tier(1, 1, d("4500.00")));
        assertEquals(d("4500.00"), Pricing.quote(once, BillingMode.ONE_TIME, 1, 1, USD).amount());
        // hourly image: 0.125/h x 3 h = 0.375 -> 0.38 (half-up, once, at the end)
        Specification hourly = spec(PricingModel.FLAT, 1, 1, BillingMode.PAY_PER_USE, new Tier(1, 1, d("0.125")));
        assertEquals(d("0.38"), Pricing.quote(hourly, BillingMode.PAY_PER_USE, 1, 3, USD).amount());
        assertEquals(d("0.13"), Pricing.quote(hourly, BillingMode.PAY_PER_USE, 1, 1, USD).amount());
    }

    @Test
    void roundsHalfUpOnceToTheCurrencysMinorUnit() {
        Specification s = spec(PricingModel.LINEAR, 1, null, BillingMode.MONTHLY, new Tier(1, null, d("0.3335")));
        // 0.3335 x 3 = 1.0005 -> 1.00 ; rounding per unit first would give 0.33 x 3 = 0.99
        assertEquals(d("1.00"), Pricing.quote(s, BillingMode.MONTHLY, 3, 1, USD).amount());
        Specification yen = spec(PricingModel.LINEAR, 1, null, BillingMode.MONTHLY, new Tier(1, null, d("150")));
        assertEquals(d("450"), Pricing.quote(yen, BillingMode.MONTHLY, 3, 1, JPY).amount());
    }

    @Test
    void refusesWhatTheSpecificationDoesNotSell() {
        Specification s = spec(PricingModel.LINEAR, 5, 20, BillingMode.MONTHLY, new Tier(5, 20, d("10.00")));
        ProblemException mode = assertThrows(ProblemException.class,
                () -> Pricing.quote(s, BillingMode.YEARLY, 5, 1, USD));
        assertEquals(422, mode.status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Pricing.quote(s, BillingMode.MONTHLY, 4, 1, USD)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Pricing.quote(s, BillingMode.MONTHLY, 21, 1, USD)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Pricing.quote(s, BillingMode.MONTHLY, 5, 0, USD)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Pricing.quote(s, BillingMode.MONTHLY, 5, 37, USD)).status());
        Specification once = spec(PricingModel.FLAT, 1, 1, BillingMode.ONE_TIME, new Tier(1, 1, d("10.00")));
        assertEquals(400, assertThrows(ProblemException.class, () -> Pricing.quote(once, BillingMode.ONE_TIME, 1, 2, USD)).status());
    }
}
