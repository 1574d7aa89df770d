package dev.opengallery.tickets;

/** What a service ticket is about (FAQ 10.11 and the guide's credit-limit request). */
public enum TicketCategory {
    CANNOT_CONTACT_SELLER, BILLING_OR_REFUND, CREDIT_LIMIT, TECHNICAL, OTHER
}
