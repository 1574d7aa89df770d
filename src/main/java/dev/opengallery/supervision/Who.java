package dev.opengallery.supervision;

import java.util.UUID;

/** Who is calling: a party with its account, or an operator (with its account, for the records). */
public record Who(Actor actor, UUID accountId) {

    /** The buyer's account when the buyer calls (its flows only), else null. */
    UUID buyerScope() {
        return actor == Actor.BUYER ? accountId : null;
    }

    /** The seller's account when the seller calls (its flows only), else null. */
    UUID sellerScope() {
        return actor == Actor.SELLER ? accountId : null;
    }

    /** Whether the caller may see a flow of that buyer and seller (operators see every flow). */
    boolean sees(UUID buyer, UUID seller) {
        return (buyerScope() == null || buyerScope().equals(buyer))
                && (sellerScope() == null || sellerScope().equals(seller));
    }
}
