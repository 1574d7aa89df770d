package dev.opengallery.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class AccountRulesTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aCreditLimitCannotBeLowerThanWhatIsOwedOnCredit() {
        assertNull(AccountRules.creditLimitRefusal(d("-50.00"), d("50.00")));
        assertNull(AccountRules.creditLimitRefusal(d("10.00"), d("0")));
        assertEquals("The account owes 50.00 on credit; the limit cannot be lower than that",
                AccountRules.creditLimitRefusal(d("-50.00"), d("49.99")));
    }

    @Test
    void anOfferCreditLimitCannotBeLowerThanWhatMilestoneOrdersUse() {
        assertNull(AccountRules.offerCreditLimitRefusal(d("300.00"), d("300.00")));
        assertEquals("Milestone orders use 300.00 of the offer credit; the limit cannot be lower than that",
                AccountRules.offerCreditLimitRefusal(d("300.00"), d("299.99")));
    }

    @Test
    void aReservationMustFitTheOfferCredit() {
        assertNull(AccountRules.offerCreditReserveRefusal(d("100.00"), d("1000.00"), d("900.00")));
        assertEquals("Your offer credit does not cover 900.01",
                AccountRules.offerCreditReserveRefusal(d("100.00"), d("1000.00"), d("900.01")));
        assertEquals("An offer credit reservation cannot be negative",
                AccountRules.offerCreditReserveRefusal(d("100.00"), d("1000.00"), d("-1.00")));
    }

    @Test
    void releasedOfferCreditNeverTakesTheUseBelowZero() {
        assertEquals(d("40.00"), AccountRules.afterRelease(d("100.00"), d("60.00")));
        assertEquals(0, AccountRules.afterRelease(d("100.00"), d("160.00")).signum());
    }

    @Test
    void aTokenClaimReplacesTheStoredValueAndAMissingOneKeepsIt() {
        assertEquals("new", AccountRules.claim("old", "new"));
        assertEquals("old", AccountRules.claim("old", null));
        assertFalse(AccountRules.identityChanges("Ann", "a@x", "1", "Ann", null, null));
        assertFalse(AccountRules.identityChanges("Ann", "a@x", null, null, null, null));
        assertTrue(AccountRules.identityChanges("Ann", "a@x", "1", "Anne", null, null));
        assertTrue(AccountRules.identityChanges("Ann", null, null, null, "a@x", null));
        assertTrue(AccountRules.identityChanges("Ann", "a@x", "1", null, null, "2"));
    }
}
