package dev.opengallery.requirements;

/** Where an application requirement stands; see {@link RequirementRules}. */
public enum RequirementState {
    /** Posted by the buyer, waiting for an operator's review; only the buyer and operators see it. */
    SUBMITTED,
    /** Published by an operator to the sellers of its category (without the buyer's contact details). */
    PUBLISHED,
    /** Refused by an operator, with a reason; final. */
    REJECTED,
    /** Closed by the buyer or, 60 days after it was posted, by the expiry job ({@link ClosedReason}); final. */
    CLOSED
}
