package dev.opengallery.catalog.opensearch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

import com.fasterxml.jackson.databind.JsonNode;

import dev.opengallery.catalog.CatalogConfig;
import dev.opengallery.catalog.ExternalSearch;
import dev.opengallery.catalog.ProductSummary;
import dev.opengallery.catalog.SearchCriteria;
import dev.opengallery.catalog.SearchPage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.opengallery.core.Contexts;
import io.smallrye.mutiny.Uni;

/**
 * Catalogue searches and popular applications answered by OpenSearch ({@code opengallery.search.engine=opensearch};
 * the requests: {@link OpenSearchQuery}), degrading to PostgreSQL rather than failing: any failure (unreachable,
 * timeout, an error answer, the alias missing, an answer that cannot be read) answers null, so that
 * {@code CatalogSearch} asks PostgreSQL; it counts {@code opengallery.search.fallback{reason}}, warns once per change
 * of state and at most once a minute, and starts a cool-down ({@link CoolDown}) during which searches go straight to
 * PostgreSQL, after which one search tries OpenSearch again. Pages past the index's max_result_window are PostgreSQL's
 * by design ({@code reason=deep_page}, no warning).
 * <p>
 * Popularity here is the document's {@code paid_orders}: the paid orders of the 30-day window when the product was
 * last indexed (the index is told of every paid order; a day leaving the window shows at the product's next indexing
 * or reindex), where PostgreSQL sums them at query time; {@code since} is not used.
 */
@ApplicationScoped
public class OpenSearchCatalogSearch implements ExternalSearch {

    private static final Logger LOG = Logger.getLogger(OpenSearchCatalogSearch.class);

    @Inject
    SearchConfig config;

    @Inject
    CatalogConfig catalog;

    @Inject
    OpenSearchConnection connection;

    @Inject
    MeterRegistry registry;

    private boolean enabled;
    private CoolDown coolDown;

    @PostConstruct
    void init() {
        enabled = config.engine() == SearchConfig.Engine.OPENSEARCH;
        coolDown = new CoolDown(config.opensearch().coolDown(), System::nanoTime);
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public Uni<SearchPage> search(SearchCriteria c, LocalDate since) {
        if (!OpenSearchQuery.servable(c)) {
            count(FallbackReason.DEEP_PAGE);
            return Uni.createFrom().nullItem();
        }
        int cap = catalog.search().totalCap();
        return ask(OpenSearchQuery.search(connection.alias(), c, cap), response -> {
            long counted = response.hits().total() == null ? 0 : response.hits().total().value();
            return SearchPage.of(summaries(response), counted, cap, c.page(), c.size());
        });
    }

    @Override
    public Uni<List<ProductSummary>> popular(int limit, LocalDate since) {
        return ask(OpenSearchQuery.popular(connection.alias(), limit), OpenSearchCatalogSearch::summaries);
    }

    private static List<ProductSummary> summaries(SearchResponse<JsonNode> response) {
        List<ProductSummary> items = new ArrayList<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            items.add(ProductDocuments.summary(hit.source()));
        }
        return items;
    }

    /**
     * Sends the request unless cooling down; the answer converted by {@code read}, or null (PostgreSQL answers) on
     * any failure, always on the caller's Vert.x context.
     */
    private <T> Uni<T> ask(SearchRequest request, Function<SearchResponse<JsonNode>, T> read) {
        FallbackReason skip = coolDown.skip();
        if (skip != null) {
            count(skip);
            return Uni.createFrom().nullItem();
        }
        Uni<T> answer = connection.call(client -> client.search(request, JsonNode.class))
                .ifNoItem().after(config.opensearch().timeout()).fail()
                .map(read)
                .invoke(() -> {
                    if (coolDown.succeeded()) {
                        LOG.infof("OpenSearch (%s) answers searches again", config.opensearch().url());
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    failed(failure);
                    return null;
                });
        // a timeout fires on Mutiny's timer thread: answer on the caller's context like every other outcome
        return Contexts.onCallersContext(answer);
    }

    private void failed(Throwable failure) {
        FallbackReason reason = FallbackReason.of(failure);
        count(reason);
        if (coolDown.failed(reason)) {
            LOG.warnf("OpenSearch (%s, alias %s) cannot answer searches (%s: %s): PostgreSQL answers them, and "
                    + "OpenSearch is tried again every %s (this warning repeats at most once a minute while it lasts)",
                    config.opensearch().url(), connection.alias(), reason.tag(), failure.toString(),
                    config.opensearch().coolDown());
        } else {
            LOG.debugf("OpenSearch search failed (%s): %s", reason.tag(), failure);
        }
    }

    private void count(FallbackReason reason) {
        Counter.builder("opengallery.search.fallback")
                .description("Searches and popular lists answered by PostgreSQL although the engine is OpenSearch, "
                        + "by reason (unreachable, timeout, missing_index, error, invalid_response: the failure, or "
                        + "the failure whose cool-down is running; deep_page: past the index's max_result_window)")
                .tag("reason", reason.tag()).register(registry).increment();
    }
}
