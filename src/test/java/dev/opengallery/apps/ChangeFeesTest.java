package dev.opengallery.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.Specification;
import dev.opengallery.catalog.Tier;
import dev.opengallery.core.ProblemException;

/** The upgrade and capacity-expansion formulas, with worked numbers. */
class ChangeFeesTest {

    static final Currency USD = Currency.getInstance("USD");
    static final BigDecimal NO_DISCOUNT = BigDecimal.ONE;

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    /** A flat monthly and yearly price. */
    static Specification flat(String name, String monthly, String yearly) {
        return new Specification(UUID.randomUUID(), name, null, PricingModel.FLAT, null, 1, 1, List.of(
                new Specification.Price(BillingMode.MONTHLY, d(monthly), List.of(new Tier(1, 1, d(monthly)))),
                new Specification.Price(BillingMode.YEARLY, d(yearly), List.of(new Tier(1, 1, d(yearly))))));
    }

    /** Per user and month: 1-10 at 12.00, 11-50 at 10.00, 51+ at 8.00 (LINEAR: 12.00 for any number). */
    static Specification users(PricingModel model) {
        List<Tier> tiers = model == PricingModel.LINEAR ? List.of(new Tier(1, null, d("12.00")))
                : List.of(new Tier(1, 10, d("12.00")), new Tier(11, 50, d("10.00")), new Tier(51, null, d("8.00")));
        return new Specification(UUID.randomUUID(), model.name(), null, model, "user", 1, null,
                List.of(new Specification.Price(BillingMode.MONTHLY, d("12.00"), tiers)));
    }

    /** January 2027: 31 days, 10:00 to 10:00. */
    static ChangeFees.Term january(String listPrice) {
        return new ChangeFees.Term(t("2027-01-10T10:00:00Z"), t("2027-02-10T10:00:00Z"), 1, d(listPrice));
    }

    static final Instant SIXTEEN_DAYS_LEFT = t("2027-01-25T10:00:00Z");

    // ------------------------------------------------------------------------------------------ days

    @Test
    void remainingDaysCountAStartedDayAsWhole() {
        Instant expiry = t("2027-02-10T10:00:00Z");
        assertEquals(16, ChangeFees.remainingDays(t("2027-01-25T10:00:00Z"), expiry));
        assertEquals(17, ChangeFees.remainingDays(t("2027-01-25T09:59:59Z"), expiry));
        assertEquals(1, ChangeFees.remainingDays(t("2027-02-10T09:59:59.999Z"), expiry));
        assertEquals(0, ChangeFees.remainingDays(expiry, expiry));
        assertEquals(0, ChangeFees.remainingDays(t("2027-03-01T00:00:00Z"), expiry));
    }

    @Test
    void termDaysAreCalendarDaysLeapYearsAndMonthsOfDifferentLength() {
        assertEquals(366, ChangeFees.termDays(t("2027-03-01T00:00:00Z"), t("2028-03-01T00:00:00Z")), "spans 29 Feb 2028");
        assertEquals(365, ChangeFees.termDays(t("2025-03-01T00:00:00Z"), t("2026-03-01T00:00:00Z")));
        assertEquals(31, ChangeFees.termDays(t("2027-01-01T00:00:00Z"), t("2027-02-01T00:00:00Z")));
        assertEquals(28, ChangeFees.termDays(t("2027-02-01T00:00:00Z"), t("2027-03-01T00:00:00Z")));
        assertEquals(29, ChangeFees.termDays(t("2028-02-01T00:00:00Z"), t("2028-03-01T00:00:00Z")));
        assertEquals(30, ChangeFees.termDays(t("2026-11-25T10:00:00Z"), t("2026-12-25T10:00:00Z")));
    }

    // --------------------------------------------------------------------------------------- upgrades

    @Test
    void upgradeWithoutDiscount() {
        // (600.00 - 300.00) x 16 / 31 = 154.838709... -> 154.84
        ChangeFees.Fee f = ChangeFees.upgrade(flat("Pro", "600.00", "6000.00"), BillingMode.MONTHLY, 1, january("300.00"),
                SIXTEEN_DAYS_LEFT, NO_DISCOUNT, USD);
        assertEquals(ChangeFees.Rule.UPGRADE, f.rule());
        assertEquals(31, f.termDays());
        assertEquals(16, f.remainingDays());
        assertEquals(d("600.00"), f.newTermPrice());
        assertEquals(d("19.354839"), f.newDailyPrice());
        assertEquals(d("9.677419"), f.originalDailyPrice());
        assertEquals(d("309.677419"), f.newTerm());
        assertEquals(d("154.838710"), f.originalTerm());
        assertEquals(d("154.84"), f.fee());
        assertEquals("19.354839 x 16 x 1 - 9.677419 x 16 x 1 = 154.838710 -> 154.84", f.formula());
    }

    @Test
    void aStartedDayIsChargedAsAWholeDay() {
        // 16 days and 1 second left: 17 days; 300.00 x 17 / 31 = 164.516129 -> 164.52
        ChangeFees.Fee f = ChangeFees.upgrade(flat("Pro", "600.00", "6000.00"), BillingMode.MONTHLY, 1, january("300.00"),
                SIXTEEN_DAYS_LEFT.minusSeconds(1), NO_DISCOUNT, USD);
        assertEquals(17, f.remainingDays());
        assertEquals(d("164.52"), f.fee());
    }

    @Test
    void upgradeWithDiscount() {
        // bought at 20% off: (600.00 - 300.00) x 16 x 0.8 / 31 = 123.870967... -> 123.87
        ChangeFees.Fee f = ChangeFees.upgrade(flat("Pro", "600.00", "6000.00"), BillingMode.MONTHLY, 1, january("300.00"),
                SIXTEEN_DAYS_LEFT, d("0.800000"), USD);
        assertEquals(d("123.87"), f.fee());
        assertEquals(d("247.741935"), f.newTerm());
        assertEquals(d("123.870968"), f.originalTerm());
        // 15% off: 4800 x 0.85 / 31 = 131.612903... -> 131.61
        assertEquals(d("131.61"), ChangeFees.upgrade(flat("Pro", "600.00", "6000.00"), BillingMode.MONTHLY, 1,
                january("300.00"), SIXTEEN_DAYS_LEFT, d("0.85"), USD).fee());
    }

    @Test
    void theFeeIsRoundedOnceAtTheEndNotPerTerm() {
        // 500.00 x 16 / 31 = 258.0645 (258.06) and 300.00 x 16 / 31 = 154.8387 (154.84): per-term rounding would give
        // 103.22; the exact 3200 / 31 = 103.2258 rounds half-up to 103.23
        ChangeFees.Fee f = ChangeFees.upgrade(flat("Plus", "500.00", "5000.00"), BillingMode.MONTHLY, 1,
                january("300.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, USD);
        assertEquals(d("103.23"), f.fee());
        assertEquals(d("103.225806"), f.exactFee());
    }

    @Test
    void aNegativeUpgradeIsARefusedDowngrade() {
        ProblemException e = assertThrows(ProblemException.class, () -> ChangeFees.upgrade(flat("Lite", "200.00", "2000.00"),
                BillingMode.MONTHLY, 1, january("300.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, USD));
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("downgrade"), e.getMessage());
        assertTrue(e.getMessage().contains("-51.61"), e.getMessage()); // -100 x 16 / 31
    }

    @Test
    void anEqualPriceUpgradeCostsNothing() {
        assertEquals(d("0.00"), ChangeFees.upgrade(flat("Same", "300.00", "3000.00"), BillingMode.MONTHLY, 1,
                january("300.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, USD).fee());
    }

    @Test
    void anExpiredSubscriptionCannotChange() {
        ProblemException e = assertThrows(ProblemException.class, () -> ChangeFees.upgrade(flat("Pro", "600.00", "6000.00"),
                BillingMode.MONTHLY, 1, january("300.00"), t("2027-02-10T10:00:00Z"), NO_DISCOUNT, USD));
        assertEquals(422, e.status());
    }

    @Test
    void upgradeInALeapYear() {
        // yearly term 2027-03-01 .. 2028-03-01 has 366 days; 29 days left from 2028-02-01:
        // (730.00 - 365.00) x 29 / 366 = 28.920765... -> 28.92
        ChangeFees.Term leap = new ChangeFees.Term(t("2027-03-01T00:00:00Z"), t("2028-03-01T00:00:00Z"), 1, d("365.00"));
        ChangeFees.Fee f = ChangeFees.upgrade(flat("Pro", "60.00", "730.00"), BillingMode.YEARLY, 1, leap,
                t("2028-02-01T00:00:00Z"), NO_DISCOUNT, USD);
        assertEquals(366, f.termDays());
        assertEquals(29, f.remainingDays());
        assertEquals(d("28.92"), f.fee());
        assertEquals(d("0.997268"), f.originalDailyPrice());
        // the same a year earlier: 365 days, 28 days left from 2026-02-01: 365.00 x 28 / 365 = 28.00
        ChangeFees.Term common = new ChangeFees.Term(t("2025-03-01T00:00:00Z"), t("2026-03-01T00:00:00Z"), 1, d("365.00"));
        ChangeFees.Fee g = ChangeFees.upgrade(flat("Pro", "60.00", "730.00"), BillingMode.YEARLY, 1, common,
                t("2026-02-01T00:00:00Z"), NO_DISCOUNT, USD);
        assertEquals(365, g.termDays());
        assertEquals(d("28.00"), g.fee());
        assertEquals(d("1.000000"), g.originalDailyPrice());
    }

    @Test
    void upgradeInMonthsOfDifferentLength() {
        Specification pro = flat("Pro", "600.00", "6000.00");
        // 14 days left of February 2027 (28 days): 300.00 x 14 / 28 = 150.00
        assertEquals(d("150.00"), ChangeFees.upgrade(pro, BillingMode.MONTHLY, 1, new ChangeFees.Term(
                t("2027-02-01T00:00:00Z"), t("2027-03-01T00:00:00Z"), 1, d("300.00")), t("2027-02-15T00:00:00Z"),
                NO_DISCOUNT, USD).fee());
        // of February 2028 (29 days): 300.00 x 14 / 29 = 144.827586 -> 144.83
        assertEquals(d("144.83"), ChangeFees.upgrade(pro, BillingMode.MONTHLY, 1, new ChangeFees.Term(
                t("2028-02-01T00:00:00Z"), t("2028-03-01T00:00:00Z"), 1, d("300.00")), t("2028-02-16T00:00:00Z"),
                NO_DISCOUNT, USD).fee());
        // of January 2027 (31 days): 300.00 x 14 / 31 = 135.483870 -> 135.48
        assertEquals(d("135.48"), ChangeFees.upgrade(pro, BillingMode.MONTHLY, 1, new ChangeFees.Term(
                t("2027-01-01T00:00:00Z"), t("2027-02-01T00:00:00Z"), 1, d("300.00")), t("2027-01-18T00:00:00Z"),
                NO_DISCOUNT, USD).fee());
    }

    @Test
    void aMultiPeriodTermIsPricedForAllItsPeriods() {
        // 3 months from 2027-01-10 to 2027-04-10 (90 days); Pro for 3 months = 1800.00, Basic = 900.00;
        // 45 days left: 900.00 x 45 / 90 = 450.00
        ChangeFees.Term q = new ChangeFees.Term(t("2027-01-10T00:00:00Z"), t("2027-04-10T00:00:00Z"), 3, d("900.00"));
        ChangeFees.Fee f = ChangeFees.upgrade(flat("Pro", "600.00", "6000.00"), BillingMode.MONTHLY, 1, q,
                t("2027-02-24T00:00:00Z"), NO_DISCOUNT, USD);
        assertEquals(90, f.termDays());
        assertEquals(d("1800.00"), f.newTermPrice());
        assertEquals(d("450.00"), f.fee());
    }

    // -------------------------------------------------------------------------------------- expansion

    @Test
    void expansionLinear() {
        // 9 -> 15 users at 12.00: (180.00 - 108.00) x 16 / 31 = 37.161290 -> 37.16
        ChangeFees.Fee f = ChangeFees.expansion(users(PricingModel.LINEAR), BillingMode.MONTHLY, 9, 6,
                january("108.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, true, USD);
        assertEquals(ChangeFees.Rule.EXPANSION_TOTAL, f.rule());
        assertEquals(d("180.00"), f.newTermPrice());
        assertEquals(d("12.00"), f.newUnitPrice());
        assertEquals(d("37.16"), f.fee());
    }

    @Test
    void expansionTieredAcrossATierBoundary() {
        // 9 users in 1-10 at 12.00 = 108.00; 15 users fall in 11-50 at 10.00 = 150.00 (every user at 10.00):
        // (150.00 - 108.00) x 16 / 31 = 21.677419 -> 21.68
        ChangeFees.Fee f = ChangeFees.expansion(users(PricingModel.TIERED), BillingMode.MONTHLY, 9, 6,
                january("108.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, true, USD);
        assertEquals(ChangeFees.Rule.EXPANSION_TOTAL, f.rule());
        assertEquals(d("10.00"), f.newUnitPrice());
        assertEquals(d("150.00"), f.newTermPrice());
        assertEquals(d("4.838710"), f.newDailyPrice());
        assertEquals(d("3.483871"), f.originalDailyPrice());
        assertEquals(d("21.68"), f.fee());
    }

    @Test
    void expansionVolumeAcrossATierBoundaryChargesTheAddedUnitsOnly() {
        // 15 users fall in 11-50 at 10.00; 6 added: 10.00 / 31 x 6 x 16 = 30.967741 -> 30.97
        ChangeFees.Fee f = ChangeFees.expansion(users(PricingModel.VOLUME), BillingMode.MONTHLY, 9, 6,
                january("108.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, true, USD);
        assertEquals(ChangeFees.Rule.EXPANSION_ADDED_UNITS, f.rule());
        assertEquals(d("0.322581"), f.newDailyPrice());
        assertEquals(6, f.addedUnits());
        assertEquals(d("30.97"), f.fee());
        assertEquals("0.322581 x 6 x 16 x 1 = 30.967742 -> 30.97", f.formula());
        // with the 10% discount it was bought with: 960 x 0.9 / 31 = 27.870967 -> 27.87
        assertEquals(d("27.87"), ChangeFees.expansion(users(PricingModel.VOLUME), BillingMode.MONTHLY, 9, 6,
                january("108.00"), SIXTEEN_DAYS_LEFT, d("0.9"), true, USD).fee());
    }

    @Test
    void boughtBeforeTheCutoverEveryModelIsPricedOnTheTotal() {
        // VOLUME bought before 2023-06-12 uses the LINEAR/TIERED formula: 21.68, as TIERED above
        ChangeFees.Fee f = ChangeFees.expansion(users(PricingModel.VOLUME), BillingMode.MONTHLY, 9, 6,
                january("108.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, false, USD);
        assertEquals(ChangeFees.Rule.EXPANSION_TOTAL, f.rule());
        assertEquals(d("21.68"), f.fee());
        // LINEAR and TIERED are the same either side of the cutover
        assertEquals(d("37.16"), ChangeFees.expansion(users(PricingModel.LINEAR), BillingMode.MONTHLY, 9, 6,
                january("108.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, false, USD).fee());
    }

    @Test
    void anExpansionIntoACheaperTierChargesNothingAndRefundsNothing() {
        // 10 users at 12.00 = 120.00; 11 users at 10.00 = 110.00: the formula gives -5.16, charged 0.00
        ChangeFees.Fee f = ChangeFees.expansion(users(PricingModel.TIERED), BillingMode.MONTHLY, 10, 1,
                january("120.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, true, USD);
        assertEquals(d("-5.161290"), f.exactFee());
        assertEquals(d("0.00"), f.fee());
        assertTrue(f.formula().contains("never refunds"), f.formula());
    }

    @Test
    void expansionNeedsAddedUnitsWithinTheSpecification() {
        assertEquals(400, assertThrows(ProblemException.class, () -> ChangeFees.expansion(users(PricingModel.LINEAR),
                BillingMode.MONTHLY, 9, 0, january("108.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, true, USD)).status());
        Specification capped = new Specification(UUID.randomUUID(), "Capped", null, PricingModel.LINEAR, "user", 1, 10,
                List.of(new Specification.Price(BillingMode.MONTHLY, d("12.00"), List.of(new Tier(1, 10, d("12.00"))))));
        assertEquals(400, assertThrows(ProblemException.class, () -> ChangeFees.expansion(capped, BillingMode.MONTHLY, 9,
                2, january("108.00"), SIXTEEN_DAYS_LEFT, NO_DISCOUNT, true, USD)).status());
    }
}
