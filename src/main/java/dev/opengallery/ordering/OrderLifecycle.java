package dev.opengallery.ordering;

import dev.opengallery.core.ProblemException;

/**
 * Order state moves as a plain rule.
 *
 * <pre>
 * PAY            PENDING_PAYMENT -> PROCESSING (supervised, or an image being provisioned) | COMPLETED
 * CANCEL         PENDING_PAYMENT -> CANCELED   (buyer, or the unpaid-order job after 24 hours)
 * PROVISIONED    PROCESSING      -> COMPLETED  (image ECS created)
 * COMPLETE       PROCESSING      -> COMPLETED  (service supervision finished)
 * ABORT          PROCESSING      -> CANCELED   (provisioning failed, appeal canceled, 365-day rule): refunded
 * </pre>
 */
public final class OrderLifecycle {

    public enum Action {
        PAY, CANCEL, PROVISIONED, COMPLETE, ABORT
    }

    private OrderLifecycle() {
    }

    /** The one state {@code action} moves an order from (set-based moves select their rows by it). */
    public static OrderState from(Action action) {
        return switch (action) {
            case PAY, CANCEL -> OrderState.PENDING_PAYMENT;
            case PROVISIONED, COMPLETE, ABORT -> OrderState.PROCESSING;
        };
    }

    /** Whether {@code action} applies to an order in {@code current}. */
    public static boolean allows(OrderState current, Action action) {
        return current == from(action);
    }

    public static OrderState next(OrderState current, Action action, boolean staysProcessing) {
        OrderState next = current != from(action) ? null : switch (action) {
            case PAY -> staysProcessing ? OrderState.PROCESSING : OrderState.COMPLETED;
            case CANCEL, ABORT -> OrderState.CANCELED;
            case PROVISIONED, COMPLETE -> OrderState.COMPLETED;
        };
        if (next == null) {
            String detail = switch (action) {
                case PAY -> current == OrderState.CANCELED ? "A canceled order cannot be paid"
                        : "The order is already paid";
                case CANCEL -> "Only unpaid orders can be canceled; this one is " + current;
                default -> "The order is " + current;
            };
            throw ProblemException.illegalState(detail, current.name());
        }
        return next;
    }
}
