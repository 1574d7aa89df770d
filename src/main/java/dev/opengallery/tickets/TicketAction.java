package dev.opengallery.tickets;

/** Everything that can happen to a ticket after it was opened. */
public enum TicketAction {
    /** Buyer, operator or involved seller: a message (with files). */
    REPLY,
    /** Buyer: a resolved ticket, within the reopen period. */
    REOPEN,
    /** Buyer or operator: final. */
    CLOSE,
    /** Operator: takes the ticket (or gives it to another operator); not a move. */
    ASSIGN,
    /** Operator: asks the buyer for more. */
    ASK_BUYER,
    /** Operator: brings in the seller of the related product. */
    INVOLVE_SELLER,
    /** Operator: resolves it (credit-limit tickets with an outcome). */
    RESOLVE,
    /** System: a ticket resolved more than the reopen period ago closes. */
    AUTO_CLOSE
}
