package dev.opengallery.ordering;

import static dev.opengallery.payments.PaymentMethod.*;
import static dev.opengallery.ordering.PaymentRules.OrderKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.opengallery.payments.PaymentMethod;
import dev.opengallery.ordering.PaymentRules.Facts;
import dev.opengallery.ordering.PaymentRules.OrderKind;

class PaymentRulesTest {

    @Test
    void theKindOfAnOrderIsDecidedByItsFactsInOrderOfPrecedence() {
        assertEquals(ORDINARY, PaymentRules.kind(new Facts("NEW", false, false, false, false, false)));
        assertEquals(IMAGE, PaymentRules.kind(new Facts("NEW", false, false, true, false, false)));
        assertEquals(PAY_PER_USE_IMAGE, PaymentRules.kind(new Facts("NEW", false, false, true, true, false)));
        assertEquals(PRIVATE_OFFER, PaymentRules.kind(new Facts("NEW", false, false, false, false, true)));
        assertEquals(MILESTONE, PaymentRules.kind(new Facts("NEW", true, true, false, false, true)));
        assertEquals(RESELLER_CUSTOMER, PaymentRules.kind(new Facts("RENEWAL", false, true, true, true, true)));
        assertEquals(RENEWAL, PaymentRules.kind(new Facts("RENEWAL", false, false, true, false, false)));
        assertEquals(UPGRADE, PaymentRules.kind(new Facts("UPGRADE", false, false, false, false, false)));
        assertEquals(EXPANSION, PaymentRules.kind(new Facts("EXPANSION", false, false, false, false, false)));
        assertEquals(ORDINARY, PaymentRules.kind(new Facts(null, false, false, false, false, false)));
    }

    @Test
    void everyWayToPayIsValidOnlyForTheKindsTheGuideGivesIt() {
        for (OrderKind kind : OrderKind.values()) {
            Set<PaymentMethod> expected = switch (kind) {
                case MILESTONE -> EnumSet.of(MONTHLY_SETTLEMENT);
                case RESELLER_CUSTOMER -> EnumSet.of(RESELLER);
                case PAY_PER_USE_IMAGE -> EnumSet.noneOf(PaymentMethod.class);
                default -> EnumSet.of(BALANCE, CREDIT);
            };
            for (PaymentMethod method : PaymentMethod.values()) {
                PaymentRules.Decision d = PaymentRules.decide(kind, method);
                if (expected.contains(method)) {
                    assertFalse(d.refused(), kind + " x " + method);
                    assertEquals(method, d.method());
                } else {
                    assertTrue(d.refused(), kind + " x " + method);
                    assertNull(d.method());
                    assertTrue(d.refusal().startsWith(method.name() + " does not apply"), d.refusal());
                }
            }
        }
    }

    @Test
    void namingNoMethodPaysMilestonesBySettlementResellerCustomersByTheResellerAndTheRestNotNow() {
        assertEquals(MONTHLY_SETTLEMENT, PaymentRules.decide(MILESTONE, null).method());
        assertEquals(RESELLER, PaymentRules.decide(RESELLER_CUSTOMER, null).method());
        for (OrderKind kind : EnumSet.complementOf(EnumSet.of(MILESTONE, RESELLER_CUSTOMER))) {
            PaymentRules.Decision d = PaymentRules.decide(kind, null);
            assertFalse(d.refused());
            assertNull(d.method(), kind.name());
        }
    }
}
