package dev.opengallery.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.catalog.Specification;
import dev.opengallery.catalog.Tier;
import dev.opengallery.core.ProblemException;

class OrderRulesTest {

    static final Currency USD = Currency.getInstance("USD");
    static final EcsFlavor MEDIUM = new EcsFlavor("s6.medium.2", 1, 2, new BigDecimal("0.0240"), new BigDecimal("16.80"),
            new BigDecimal("168.00"));

    static Specification image() {
        return new Specification(null, "Std", null, PricingModel.FLAT, null, 1, 1, List.of(
                new Specification.Price(BillingMode.MONTHLY, new BigDecimal("30.00"), List.of(new Tier(1, 1, new BigDecimal("30.00")))),
                new Specification.Price(BillingMode.PAY_PER_USE, new BigDecimal("0.25"), List.of(new Tier(1, 1, new BigDecimal("0.25"))))));
    }

    @Test
    void imageOrdersShowTheImageFeeAndTheEcsFeeApart() {
        // 3 months: image 30.00 x 3 = 90.00, ECS 16.80 x 3 = 50.40, due 140.40
        OrderPricing.Price p = OrderPricing.price(ProductType.IMAGE, image(), BillingMode.MONTHLY, 1, 3, USD, MEDIUM, null);
        assertEquals(new BigDecimal("90.00"), p.imageFee());
        assertEquals(new BigDecimal("50.40"), p.ecsFee());
        assertEquals(new BigDecimal("140.40"), p.amountDue());
    }

    @Test
    void payPerUseImagesAreDueNothingUpFront() {
        OrderPricing.Price p = OrderPricing.price(ProductType.IMAGE, image(), BillingMode.PAY_PER_USE, 1, 1, USD, MEDIUM, null);
        assertEquals(new BigDecimal("0.25"), p.imageFee());
        assertEquals(new BigDecimal("0.02"), p.ecsFee()); // 0.024/h rounded for display
        assertEquals(new BigDecimal("0.00"), p.amountDue());
    }

    @Test
    void aDiscountNeverExceedsThePrice() {
        Specification saas = new Specification(null, "Team", null, PricingModel.LINEAR, "user", 1, null, List.of(
                new Specification.Price(BillingMode.MONTHLY, new BigDecimal("10"), List.of(new Tier(1, null, new BigDecimal("10"))))));
        assertEquals(new BigDecimal("75.00"), OrderPricing.price(ProductType.SAAS, saas, BillingMode.MONTHLY, 10, 1, USD,
                null, new BigDecimal("25")).amountDue());
        assertEquals(new BigDecimal("0.00"), OrderPricing.price(ProductType.SAAS, saas, BillingMode.MONTHLY, 10, 1, USD,
                null, new BigDecimal("250")).amountDue());
    }

    @Test
    void passwordPolicy() {
        assertTrue(PasswordPolicy.problems("Gallery#2026").isEmpty());
        assertTrue(PasswordPolicy.problems("gallery2026x").isEmpty() == false); // two classes only
        assertEquals(List.of("must be 8 to 26 characters long"), PasswordPolicy.problems("Ab1#x"));
        assertTrue(PasswordPolicy.problems("Rootpass#1").contains("must not contain the user name (root) or it reversed"));
        assertTrue(PasswordPolicy.problems("Toor#Pass1").contains("must not contain the user name (root) or it reversed"));
        assertTrue(PasswordPolicy.problems("Has space 1A").contains("may contain only letters, digits and "
                + PasswordPolicy.SPECIALS));
        assertEquals(List.of("is required"), PasswordPolicy.problems(null));
        assertTrue(PasswordPolicy.problems("Aa1#".repeat(7)).contains("must be 8 to 26 characters long"));
    }

    @Test
    void orderStateMoves() {
        assertEquals(OrderState.PROCESSING, OrderLifecycle.next(OrderState.PENDING_PAYMENT, OrderLifecycle.Action.PAY, true));
        assertEquals(OrderState.COMPLETED, OrderLifecycle.next(OrderState.PENDING_PAYMENT, OrderLifecycle.Action.PAY, false));
        assertEquals(OrderState.CANCELED, OrderLifecycle.next(OrderState.PENDING_PAYMENT, OrderLifecycle.Action.CANCEL, false));
        assertEquals(OrderState.COMPLETED, OrderLifecycle.next(OrderState.PROCESSING, OrderLifecycle.Action.COMPLETE, false));
        assertEquals(OrderState.CANCELED, OrderLifecycle.next(OrderState.PROCESSING, OrderLifecycle.Action.ABORT, false));
        for (OrderState s : OrderState.values()) {
            for (OrderLifecycle.Action a : OrderLifecycle.Action.values()) {
                boolean allowed = (s == OrderState.PENDING_PAYMENT && (a == OrderLifecycle.Action.PAY || a == OrderLifecycle.Action.CANCEL))
                        || (s == OrderState.PROCESSING && (a == OrderLifecycle.Action.PROVISIONED
                                || a == OrderLifecycle.Action.COMPLETE || a == OrderLifecycle.Action.ABORT));
                if (!allowed) {
                    ProblemException e = assertThrows(ProblemException.class, () -> OrderLifecycle.next(s, a, false));
                    assertEquals(409, e.status());
                    assertEquals(s.name(), e.toProblem().currentState());
                }
            }
        }
    }

    @Test
    void everyMoveStartsFromTheOneStateItAllows() {
        // set-based moves (the unpaid-order job, the supervision sweeps) select their rows by from(action): it must
        // be exactly the state next() accepts, for every action
        for (OrderLifecycle.Action a : OrderLifecycle.Action.values()) {
            OrderState from = OrderLifecycle.from(a);
            for (OrderState s : OrderState.values()) {
                assertEquals(s == from, OrderLifecycle.allows(s, a), a + " from " + s);
            }
            OrderState to = OrderLifecycle.next(from, a, false);
            assertTrue(to == OrderState.COMPLETED || to == OrderState.CANCELED, a + " ends in " + to);
        }
        assertEquals(OrderState.PENDING_PAYMENT, OrderLifecycle.from(OrderLifecycle.Action.CANCEL));
        assertEquals(OrderState.PROCESSING, OrderLifecycle.from(OrderLifecycle.Action.PROVISIONED));
        assertEquals(OrderState.COMPLETED,
                OrderLifecycle.next(OrderState.PROCESSING, OrderLifecycle.Action.PROVISIONED, false));
    }

    @Test
    void refusedMovesSayWhy() {
        assertEquals("A canceled order cannot be paid", assertThrows(ProblemException.class,
                () -> OrderLifecycle.next(OrderState.CANCELED, OrderLifecycle.Action.PAY, false)).toProblem().detail());
        assertEquals("The order is already paid", assertThrows(ProblemException.class,
                () -> OrderLifecycle.next(OrderState.COMPLETED, OrderLifecycle.Action.PAY, false)).toProblem().detail());
        assertEquals("Only unpaid orders can be canceled; this one is PROCESSING", assertThrows(ProblemException.class,
                () -> OrderLifecycle.next(OrderState.PROCESSING, OrderLifecycle.Action.CANCEL, false)).toProblem()
                        .detail());
        assertEquals("The order is CANCELED", assertThrows(ProblemException.class,
                () -> OrderLifecycle.next(OrderState.CANCELED, OrderLifecycle.Action.ABORT, false)).toProblem()
                        .detail());
    }
}
