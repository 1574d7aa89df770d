package dev.opengallery.supervision;

import java.util.EnumSet;
import java.util.Set;

/** Where a service flow stands. Being frozen by an appeal is not a state: the flow keeps its state while frozen. */
public enum FlowState {
    /** SaaS and services: the buyer's turn to submit a request following the seller's template. */
    WAITING_FOR_REQUEST,
    /** The seller's turn: deliver (or, for a fresh request, reject it). */
    WAITING_FOR_SELLER,
    /** The buyer's turn: accept or reject the delivery. */
    WAITING_FOR_ACCEPTANCE,
    /** Accepted; the order completes a configurable time (3 hours) later. */
    ACCEPTED,
    /** Supervision finished; the order is COMPLETED. */
    COMPLETED,
    /** Closed after 365 days with an invoice requested; the order is COMPLETED. */
    CLOSED,
    /** Canceled by an operator's appeal decision or after 365 days without an invoice; the order is refunded. */
    CANCELED;

    /** The states in which the parties still move the flow (and in which it can be appealed or auto-closed). */
    public static final Set<FlowState> OPEN = EnumSet.of(WAITING_FOR_REQUEST, WAITING_FOR_SELLER, WAITING_FOR_ACCEPTANCE);

    public boolean open() {
        return OPEN.contains(this);
    }

    public boolean terminal() {
        return this == COMPLETED || this == CLOSED || this == CANCELED;
    }
}
