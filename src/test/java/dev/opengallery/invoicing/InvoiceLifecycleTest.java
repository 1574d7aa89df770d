package dev.opengallery.invoicing;

import static dev.opengallery.invoicing.InvoiceLifecycle.Action.*;
import static dev.opengallery.invoicing.InvoiceLifecycle.State.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.ProblemException;

class InvoiceLifecycleTest {

    @Test
    void legalMoves() {
        assertEquals(ISSUED, InvoiceLifecycle.next(REQUESTED, ISSUE));
        assertEquals(RETURN_REQUESTED, InvoiceLifecycle.next(ISSUED, ASK_RETURN));
        assertEquals(RETURNED, InvoiceLifecycle.next(REQUESTED, ASK_RETURN));
        assertEquals(RETURNED, InvoiceLifecycle.next(RETURN_REQUESTED, RETURN));
        assertEquals(RETURNED, InvoiceLifecycle.next(ISSUED, RETURN));
        assertEquals(RETURNED, InvoiceLifecycle.next(REQUESTED, RETURN));
        assertEquals(REQUESTED, InvoiceLifecycle.next(RETURNED, REAPPLY));
    }

    @Test
    void illegalMovesAnswer409WithTheCurrentState() {
        for (var c : new Object[][] { { ISSUED, ISSUE }, { RETURNED, ISSUE }, { RETURN_REQUESTED, ASK_RETURN },
                { RETURNED, ASK_RETURN }, { RETURNED, RETURN }, { REQUESTED, REAPPLY }, { ISSUED, REAPPLY } }) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> InvoiceLifecycle.next((InvoiceLifecycle.State) c[0], (InvoiceLifecycle.Action) c[1]));
            assertEquals(409, e.status());
            assertEquals(c[0].toString(), e.toProblem().currentState());
        }
    }
}
