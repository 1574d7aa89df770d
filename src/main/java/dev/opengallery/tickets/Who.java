package dev.opengallery.tickets;

import java.util.UUID;

/** Who calls: the buyer (its tickets), a seller (tickets it was brought into) or an operator (all). */
public record Who(TicketActor actor, UUID accountId) {

    UUID buyerScope() {
        return actor == TicketActor.BUYER ? accountId : null;
    }

    UUID sellerScope() {
        return actor == TicketActor.SELLER ? accountId : null;
    }

    /** Whether the caller sees a ticket of that buyer, with that seller brought in or not. */
    boolean sees(UUID buyer, UUID seller, boolean sellerInvolved) {
        return switch (actor) {
            case BUYER -> accountId.equals(buyer);
            case SELLER -> sellerInvolved && accountId.equals(seller);
            default -> true;
        };
    }
}
