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
}
