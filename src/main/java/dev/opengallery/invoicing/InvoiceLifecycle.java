package dev.opengallery.invoicing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.opengallery.core.ProblemException;

/**
 * Invoice state moves as a plain rule.
 *
 * <pre>
 * ISSUE           REQUESTED                          -> ISSUED            (operator, with an invoice number)
 * ASK_RETURN      ISSUED                             -> RETURN_REQUESTED  (customer)
 *                 REQUESTED                          -> RETURNED          (customer: withdraws, nothing was issued)
 * RETURN          REQUESTED, ISSUED, RETURN_REQUESTED -> RETURNED         (operator)
 * REAPPLY         RETURNED                           -> REQUESTED         (customer applies again)
 * </pre>
 */
public final class InvoiceLifecycle {

    @Schema(name = "InvoiceState")
    public enum State {
        REQUESTED, ISSUED, RETURN_REQUESTED, RETURNED;

        /** An invoice that holds its orders: every state but RETURNED. */
        public boolean live() {
            return this != RETURNED;
        }
    }

    public enum Action {
        ISSUE, ASK_RETURN, RETURN, REAPPLY
    }

    private InvoiceLifecycle() {
    }

    public static State next(State current, Action action) {
        State next = switch (action) {
            case ISSUE -> current == State.REQUESTED ? State.ISSUED : null;
            case ASK_RETURN -> current == State.ISSUED ? State.RETURN_REQUESTED
                    : current == State.REQUESTED ? State.RETURNED : null;
            case RETURN -> current.live() ? State.RETURNED : null;
            case REAPPLY -> current == State.RETURNED ? State.REQUESTED : null;
        };
        if (next == null) {
            String detail = switch (action) {
                case ISSUE -> "Only a REQUESTED invoice can be issued; this one is " + current;
                case ASK_RETURN -> current == State.RETURN_REQUESTED ? "Its return is already requested"
                        : "The invoice is already RETURNED";
                case RETURN -> "The invoice is already RETURNED";
                case REAPPLY -> "Only a RETURNED invoice can be requested again; this one is " + current;
            };
            throw ProblemException.illegalState(detail, current.name());
        }
        return next;
    }
}
