package dev.opengallery.tickets;

import java.time.Instant;

/**
 * What the state machine needs to know of a ticket: its state, whether it concerns something with a seller, whether
 * that seller was brought in, and when it was resolved (the reopen period runs from then).
 */
public record TicketFacts(TicketState state, boolean hasSeller, boolean sellerInvolved, Instant resolvedAt) {
}
