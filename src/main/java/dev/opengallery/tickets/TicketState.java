package dev.opengallery.tickets;

import java.util.EnumSet;
import java.util.Set;

/** Where a service ticket stands. */
public enum TicketState {
    /** New: no operator has answered yet. */
    OPEN,
    /** An operator works on it; it awaits the operator again after a buyer's or seller's answer or a reopen. */
    IN_PROGRESS,
    /** An operator asked the buyer for more. */
    WAITING_FOR_BUYER,
    /** An operator brought in the seller of the related product, whose answer is awaited. */
    WAITING_FOR_SELLER,
    /** Resolved by an operator; the buyer may reopen it (or reply) within 7 days, then it closes by itself. */
    RESOLVED,
    /** Final. */
    CLOSED;

    /** The states in which operators work on a ticket (assign, reply, ask, involve, resolve). */
    public static final Set<TicketState> ACTIVE = EnumSet.of(OPEN, IN_PROGRESS, WAITING_FOR_BUYER, WAITING_FOR_SELLER);

    public boolean active() {
        return ACTIVE.contains(this);
    }

    /** Whether an operator's answer is awaited in this state (the service-level clock runs). */
    public boolean awaitsOperator() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
