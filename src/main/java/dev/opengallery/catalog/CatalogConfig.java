package dev.opengallery.catalog;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The catalogue's settings ({@code opengallery.catalog.*}, the names application.properties, the README and the Helm
 * chart use).
 */
@ConfigMapping(prefix = "opengallery.catalog")
public interface CatalogConfig {

    /** How far back "popular" counts paid orders ({@code opengallery.catalog.popularity-window}, 30 days). */
    @WithDefault("30D")
    Duration popularityWindow();

    /**
     * Whether this instance LISTENs for other instances' catalogue changes to clear its search cache
     * ({@code opengallery.catalog.change-notifications}; one extra database connection).
     */
    @WithDefault("true")
    boolean changeNotifications();

    /** How searches run ({@code opengallery.catalog.search.*}). */
    Search search();

    interface Search {

        /**
         * Which statement searches use ({@code opengallery.catalog.search.index}): {@code auto} (default) the RUM
         * index when the database has it, else the GIN fallback with a warning at start; {@code rum} the RUM index,
         * and the service does not start without it; {@code fallback} the GIN statement always.
         */
        @WithDefault("auto")
        SearchIndex.Mode index();

        /**
         * Matches counted at most ({@code opengallery.catalog.search.total-cap}, 1000): past it a search answers
         * the cap as its total with {@code totalCapped: true} ("1,000+").
         */
        @WithDefault("1000")
        int totalCap();

        /**
         * Whether a search is planned for its own values ({@code opengallery.catalog.search.custom-plans}, true): its
         * statement runs in a transaction with {@code plan_cache_mode = force_custom_plan}, since a prepared
         * statement's generic plan cannot see how selective a word or a filter is (measured with pgbench at 100,000
         * products: 322 searches/s planned each time against 273 with generic plans).
         */
        @WithDefault("true")
        boolean customPlans();

        /**
         * Search statements running at once on this instance ({@code opengallery.catalog.search.max-concurrent}, 4);
         * the others wait their turn. About twice the database server's cores divided by the instances: sixteen at
         * once on two cores made the slowest answers twice as slow as four at once (README, Benchmarks).
         */
        @WithDefault("4")
        int maxConcurrent();

        /**
         * Searches waiting for their turn at most ({@code opengallery.catalog.search.max-waiting}, 200); one more is
         * answered 503 with Retry-After instead of waiting longer than the client would.
         */
        @WithDefault("200")
        int maxWaiting();
    }

    /** The search result cache ({@code opengallery.catalog.search-cache.*}). */
    SearchCache searchCache();

    interface SearchCache {

        /** How long a search page is kept; 0 turns the cache off. */
        @WithDefault("30S")
        Duration ttl();

        /** Bound of the cache's memory: products on all kept pages together (an empty page counts as one). */
        @WithDefault("20000")
        long maxItems();
    }
}
