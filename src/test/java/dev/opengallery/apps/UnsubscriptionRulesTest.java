package dev.opengallery.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.invoicing.InvoiceLifecycle;

/** Who may unsubscribe, and the refund, with worked numbers. */
class UnsubscriptionRulesTest {

    static final Currency USD = Currency.getInstance("USD");
    static final Duration FIVE_DAYS = Duration.ofDays(5);
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant YEAR_LATER = Instant.parse("2027-11-25T10:00:00Z");

    @Test
    void anIssuedInvoiceBlocksUntilItIsReturned() {
        Set<InvoiceLifecycle.State> blocking = UnsubscriptionRules.INVOICE_STATES_BLOCKING.stream()
                .map(InvoiceLifecycle.State::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(InvoiceLifecycle.State.class)));
        // issued and not returned: exactly the states from which the buyer asks for a return or waits for it
        assertEquals(EnumSet.of(InvoiceLifecycle.State.ISSUED, InvoiceLifecycle.State.RETURN_REQUESTED), blocking);
        assertNotNull(InvoiceLifecycle.next(InvoiceLifecycle.State.ISSUED, InvoiceLifecycle.Action.ASK_RETURN));
    }

    @Test
    void onlyYearlyAndMonthlyImagesCanBeUnsubscribed() {
        assertNull(UnsubscriptionRules.refusal(ProductType.IMAGE, BillingMode.YEARLY));
        assertNull(UnsubscriptionRules.refusal(ProductType.IMAGE, BillingMode.MONTHLY));
        assertNotNull(UnsubscriptionRules.refusal(ProductType.IMAGE, BillingMode.PAY_PER_USE));
        for (ProductType type : ProductType.values()) {
            if (type != ProductType.IMAGE) {
                for (BillingMode mode : BillingMode.values()) {
                    assertNotNull(UnsubscriptionRules.refusal(type, mode), type + " " + mode);
                }
            }
        }
        assertEquals("SaaS products cannot be unsubscribed", UnsubscriptionRules.refusal(ProductType.SAAS, BillingMode.YEARLY));
    }

    @Test
    void withinFiveDaysEverythingPaidComesBack() {
        UnsubscriptionRules.Refund r = UnsubscriptionRules.imageRefund(new BigDecimal("360.00"), START, START, YEAR_LATER,
                START.plus(Duration.ofDays(5)).minusSeconds(1), FIVE_DAYS, USD);
        assertEquals(UnsubscriptionRules.Rule.FULL_REFUND, r.rule());
        assertEquals(new BigDecimal("360.00"), r.refund());
    }

    @Test
    void afterFiveDaysTheUnusedShareRoundedDown() {
        // 5 days in: 360 unused of 365 bought: 360.00 x 360 / 365 = 355.068493 -> 355.06
        UnsubscriptionRules.Refund r = UnsubscriptionRules.imageRefund(new BigDecimal("360.00"), START, START, YEAR_LATER,
                START.plus(Duration.ofDays(5)), FIVE_DAYS, USD);
        assertEquals(UnsubscriptionRules.Rule.PRORATED_REFUND, r.rule());
        assertEquals(365, r.daysBought());
        assertEquals(360, r.unusedDays());
        assertEquals(new BigDecimal("355.06"), r.refund());
        // 2027-03-01 12:00: 268 whole days and 22 hours left; the started day is used:
        // 360.00 x 268 / 365 = 264.328767 -> 264.32 (half-up would give 264.33)
        UnsubscriptionRules.Refund s = UnsubscriptionRules.imageRefund(new BigDecimal("360.00"), START, START, YEAR_LATER,
                Instant.parse("2027-03-01T12:00:00Z"), FIVE_DAYS, USD);
        assertEquals(268, s.unusedDays());
        assertEquals(new BigDecimal("264.32"), s.refund());
    }

    @Test
    void aLeapFebruaryHas29DaysBought() {
        // monthly 2028-02-01 .. 2028-03-01 (29 days), 30.00 paid, 20 days left on 2028-02-10:
        // 30.00 x 20 / 29 = 20.689655 -> 20.68
        UnsubscriptionRules.Refund r = UnsubscriptionRules.imageRefund(new BigDecimal("30.00"),
                Instant.parse("2028-02-01T00:00:00Z"), Instant.parse("2028-02-01T00:00:00Z"),
                Instant.parse("2028-03-01T00:00:00Z"), Instant.parse("2028-02-10T00:00:00Z"), FIVE_DAYS, USD);
        assertEquals(29, r.daysBought());
        assertEquals(20, r.unusedDays());
        assertEquals(new BigDecimal("20.68"), r.refund());
    }

    @Test
    void afterTheExpiryNothingIsLeft() {
        UnsubscriptionRules.Refund r = UnsubscriptionRules.imageRefund(new BigDecimal("360.00"), START, START, YEAR_LATER,
                YEAR_LATER.plus(Duration.ofDays(3)), FIVE_DAYS, USD);
        assertEquals(0, r.unusedDays());
        assertEquals(new BigDecimal("0.00"), r.refund());
    }
}
