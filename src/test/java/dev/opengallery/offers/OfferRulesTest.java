package dev.opengallery.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

class OfferRulesTest {

    static final Currency USD = Currency.getInstance("USD");

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static List<BigDecimal> ds(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void percentageAndFixedPriceDiscounts() {
        assertEquals(d("120.00"), new OfferDiscount(OfferDiscount.Type.PERCENTAGE, d("20")).amountOff(d("600.00"), USD));
        // 12.5% of 99.99 = 12.49875 -> 12.50
        assertEquals(d("12.50"), new OfferDiscount(OfferDiscount.Type.PERCENTAGE, d("12.5")).amountOff(d("99.99"), USD));
        assertEquals(d("100.00"), new OfferDiscount(OfferDiscount.Type.FIXED_PRICE, d("500.00")).amountOff(d("600.00"), USD));
        // a fixed price above the list price gives no discount, never a surcharge
        assertEquals(d("0.00"), new OfferDiscount(OfferDiscount.Type.FIXED_PRICE, d("700.00")).amountOff(d("600.00"), USD));
    }

    @Test
    void anOfferNeverMakesAProductFree() {
        // 99.99% of 0.50 is 0.49995 -> 0.50 off, which would leave nothing: one cent is still paid
        OfferDiscount deep = new OfferDiscount(OfferDiscount.Type.PERCENTAGE, d("99.99"));
        assertEquals(d("0.50"), deep.rawAmountOff(d("0.50"), USD));
        assertEquals(d("0.49"), deep.amountOff(d("0.50"), USD));
        assertEquals(d("599.94"), deep.amountOff(d("600.00"), USD));
        // a fixed price of 0 (or below) would take all of it
        assertEquals(d("599.99"), new OfferDiscount(OfferDiscount.Type.FIXED_PRICE, d("0")).amountOff(d("600.00"), USD));
        assertEquals(d("599.99"), new OfferDiscount(OfferDiscount.Type.FIXED_PRICE, d("-5")).amountOff(d("600.00"), USD));
        assertEquals(d("0.00"), new OfferDiscount(OfferDiscount.Type.PERCENTAGE, d("50")).amountOff(d("0.01"), USD));
    }

    @Test
    void milestoneBillsSumExactlyToTheTotal() {
        List<BigDecimal> thirds = MilestonePlan.split(d("1000.00"), ds("33.33", "33.33", "33.34"), USD);
        assertEquals(ds("333.30", "333.30", "333.40"), thirds);
        List<BigDecimal> odd = MilestonePlan.split(d("100.01"), ds("50", "50"), USD);
        assertEquals(ds("50.01", "50.00"), odd); // 50.005 rounds half-up; the last takes the rest
        List<BigDecimal> tricky = MilestonePlan.split(d("999.99"), ds("30", "40", "30"), USD);
        assertEquals(ds("300.00", "400.00", "299.99"), tricky);
        for (List<BigDecimal> split : List.of(thirds, odd, tricky)) {
            assertTrue(split.stream().allMatch(a -> a.signum() >= 0));
        }
        assertEquals(d("999.99"), tricky.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(d("100.01"), odd.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void milestonePlansMustSumTo100() {
        assertTrue(MilestonePlan.problems(ds("30", "40", "30")).isEmpty());
        assertEquals(List.of("percentages must sum to 100 (they sum to 90)"), MilestonePlan.problems(ds("30", "30", "30")));
        assertEquals(List.of("must have 2 to 12 milestones"), MilestonePlan.problems(ds("100")));
        assertEquals(List.of("each percentage must be above 0 with at most 2 decimals"), MilestonePlan.problems(ds("100", "0")));
        assertEquals(List.of("each percentage must be above 0 with at most 2 decimals"),
                MilestonePlan.problems(ds("33.333", "66.667")));
    }
}
