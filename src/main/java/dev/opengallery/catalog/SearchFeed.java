package dev.opengallery.catalog;

import java.util.Collection;
import java.util.UUID;

import dev.opengallery.core.Tx;
import io.smallrye.mutiny.Uni;

/**
 * Tells the search index that what a product's search document holds changed: the product itself (created, edited,
 * moved), its seller's profile, its paid orders. Called in the change's own transaction, so the change and the note
 * commit together (a transactional outbox). Implemented by {@code catalog.opensearch.SearchOutbox}: with
 * {@code opengallery.search.engine=opensearch} each call is one set-based insert into {@code search_outbox}; with
 * the default engine (PostgreSQL searches the tables themselves) it does nothing and costs nothing.
 */
public interface SearchFeed {

    /** These products changed. */
    Uni<Void> products(Tx tx, Collection<UUID> productIds);

    /** The seller's profile changed: every LISTED product of the seller shows it. */
    Uni<Void> seller(Tx tx, UUID sellerId);
}
