package dev.opengallery.offers;

import java.util.EnumSet;
import java.util.Set;

import dev.opengallery.core.ProblemException;

/**
 * A milestone bill's status moves as a plain rule.
 *
 * <pre>
 * PAY           GENERATED, OVERDUE -> PAID      (the buyer, with BALANCE or CREDIT)
 * CANCEL        GENERATED, OVERDUE -> CANCELED  (its order was canceled: nothing is owed; a PAID bill stays PAID)
 * MARK_OVERDUE  GENERATED          -> OVERDUE   (the overdue job, once the due date has passed)
 * </pre>
 */
public final class BillLifecycle {

    public enum Status {
        GENERATED, PAID, OVERDUE, CANCELED
    }

    /** The bills still owed: what a canceled order cancels and what can be paid. */
    public static final Set<Status> UNPAID = EnumSet.of(Status.GENERATED, Status.OVERDUE);

    /** The overdue job's move: GENERATED bills past their due date become OVERDUE. */
    public static final Status OVERDUE_FROM = Status.GENERATED;
    public static final Status OVERDUE_TO = Status.OVERDUE;

    /** What CANCEL moves an unpaid bill to. */
    public static final Status CANCEL_TO = Status.CANCELED;

    private BillLifecycle() {
    }

    /** PAY: refused for a bill already paid, or whose order was canceled. */
    public static Status pay(Status current) {
        return switch (current) {
            case GENERATED, OVERDUE -> Status.PAID;
            case PAID -> throw ProblemException.illegalState("The bill is already paid", current.name());
            case CANCELED -> throw ProblemException.illegalState("The order of this bill was canceled: nothing is owed",
                    current.name());
        };
    }

    /** CANCEL: an unpaid bill is canceled; a paid or canceled one stays as it is. */
    public static Status cancel(Status current) {
        return UNPAID.contains(current) ? CANCEL_TO : current;
    }
}
