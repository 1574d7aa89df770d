package dev.opengallery.catalog.opensearch;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which engine answers catalogue searches ({@code opengallery.search.*}; the names application.properties, the README
 * and the Helm chart use).
 */
@ConfigMapping(prefix = "opengallery.search")
public interface SearchConfig {

    /** {@code opengallery.search.engine}. */
    enum Engine {
        /** PostgreSQL full-text search (the default; see {@code catalog.CatalogSearch}). */
        POSTGRESQL,
        /** An OpenSearch cluster, fed through the search outbox; PostgreSQL answers while it cannot. */
        OPENSEARCH
    }

    /** {@code postgresql} (default) or {@code opensearch}. */
    @WithDefault("postgresql")
    Engine engine();

    /** The OpenSearch cluster ({@code opengallery.search.opensearch.*}); read only with {@code engine=opensearch}. */
    OpenSearch opensearch();

    interface OpenSearch {

        /** Base URL of the cluster (or of one node, or a load balancer), e.g. {@code https://search:9200}. */
        @WithDefault("http://localhost:9200")
        String url();

        /** Basic-auth user, when the cluster asks for one. */
        Optional<String> username();

        /** Its password (from a Secret in the Helm chart). */
        Optional<String> password();

        /**
         * Prefix of every index and alias this service creates ({@code opengallery-} by default): the alias
         * {@code <prefix>products} and its indices {@code <prefix>products-<timestamp>}.
         */
        @WithDefault("opengallery-")
        String indexPrefix();

        /** How long one request to the cluster may take before the search falls back to PostgreSQL. */
        @WithDefault("2S")
        Duration timeout();

        /** How long to connect. */
        @WithDefault("1S")
        Duration connectTimeout();

        /**
         * After a failed request to the cluster, how long searches go straight to PostgreSQL before one tries
         * OpenSearch again ({@code opengallery.search.opensearch.cool-down}, 5 seconds).
         */
        @WithDefault("5S")
        Duration coolDown();
    }

    // ------------------------------------------------------------------ indexing (search outbox, reindex)

    /** How often the search-outbox job delivers changes to the index ({@code off}: only on demand). */
    @WithDefault("2s")
    String outboxEvery();

    /** Outbox rows claimed per run; each batch is one {@code _bulk} request. */
    @WithDefault("500")
    int outboxBatchSize();

    /** How long delivered (SENT) outbox rows are kept before the search-outbox job deletes them. */
    @WithDefault("1D")
    Duration outboxKeepSent();

    /**
     * How often the search-popularity job looks for a day of sales that left the popularity window (it enqueues
     * each such day once, over all replicas).
     */
    @WithDefault("1h")
    String popularityEvery();

    /**
     * How long a reindex's lease lasts unrenewed: a rebuild renews it before every batch of products and before the
     * alias swap; another replica may start a rebuild only after it ends or after it went this long unrenewed (a
     * replica that died mid-rebuild). Longer than two indexing requests ({@link #indexingTimeout()}).
     */
    @WithDefault("5m")
    Duration reindexLease();

    /**
     * How long one indexing request (a {@code _bulk} of a batch, creating an index, swapping the alias) may take;
     * longer than a search's {@code opensearch.timeout}.
     */
    @WithDefault("30S")
    Duration indexingTimeout();

    /** Whether an instance that finds no index behind the alias builds it by itself (in the background). */
    @WithDefault("true")
    boolean reindexWhenMissing();
}
