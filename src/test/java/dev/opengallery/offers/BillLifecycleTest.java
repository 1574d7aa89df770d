package dev.opengallery.offers;

import static dev.opengallery.offers.BillLifecycle.Status.CANCELED;
import static dev.opengallery.offers.BillLifecycle.Status.GENERATED;
import static dev.opengallery.offers.BillLifecycle.Status.OVERDUE;
import static dev.opengallery.offers.BillLifecycle.Status.PAID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.ProblemException;

/** Which milestone bill statuses allow which moves. */
class BillLifecycleTest {

    @Test
    void anUnpaidBillIsPaidEvenWhenOverdue() {
        assertEquals(PAID, BillLifecycle.pay(GENERATED));
        assertEquals(PAID, BillLifecycle.pay(OVERDUE));
    }

    @Test
    void aPaidOrCanceledBillIsNotPaidAgain() {
        for (var s : new BillLifecycle.Status[] { PAID, CANCELED }) {
            ProblemException e = assertThrows(ProblemException.class, () -> BillLifecycle.pay(s));
            assertEquals(409, e.status());
            assertEquals(s.name(), e.toProblem().currentState());
        }
    }

    @Test
    void cancelingTheOrderCancelsWhatIsUnpaidAndKeepsWhatWasPaid() {
        assertEquals(CANCELED, BillLifecycle.cancel(GENERATED));
        assertEquals(CANCELED, BillLifecycle.cancel(OVERDUE));
        assertEquals(PAID, BillLifecycle.cancel(PAID));
        assertEquals(CANCELED, BillLifecycle.cancel(CANCELED));
    }
}
