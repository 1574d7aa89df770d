package dev.opengallery.catalog;

import java.time.LocalDate;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * A search engine outside PostgreSQL that answers catalogue searches and the popular applications
 * ({@code opengallery.search.engine=opensearch}; implemented in {@code catalog.opensearch}, which {@link CatalogSearch}
 * does not import). {@link CatalogSearch} asks it when {@link #enabled()}, with the result cache in front, and asks
 * PostgreSQL whenever it answers null: it never fails a search (an engine that cannot answer says so with null, counts
 * and logs it itself).
 */
public interface ExternalSearch {

    /** Whether this engine answers searches (configuration; constant while the service runs). */
    boolean enabled();

    /**
     * One page of the search, counted up to {@code opengallery.catalog.search.total-cap} + 1 like PostgreSQL's; null
     * when PostgreSQL is to answer (the engine unreachable or failing, or a page it does not serve). Never fails.
     *
     * @param since the first day of the popularity window
     */
    Uni<SearchPage> search(SearchCriteria criteria, LocalDate since);

    /** The {@code limit} most popular applications, or null when PostgreSQL is to answer. Never fails. */
    Uni<List<ProductSummary>> popular(int limit, LocalDate since);
}
