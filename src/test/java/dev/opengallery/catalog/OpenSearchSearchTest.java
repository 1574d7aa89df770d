package dev.opengallery.catalog;

import static dev.opengallery.support.Tokens.anonymous;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.opensearch.OpenSearchConnection;
import dev.opengallery.catalog.opensearch.OpenSearchProfile;
import dev.opengallery.catalog.opensearch.OpenSearchQuery;
import dev.opengallery.catalog.opensearch.ProductIndex;
import dev.opengallery.support.OpenSearchTestResource;
import dev.opengallery.support.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The search contract ({@link SearchContract}) answered by OpenSearch ({@code opengallery.search.engine=opensearch}
 * against the test node): the same filters, sorts, paging, capped totals, popular applications and the ranking pin.
 * The index is rebuilt from PostgreSQL whenever the contract changed products or sales ({@link #indexUpToDate()}).
 * Where OpenSearch ranks differently by design, its own expectation is pinned: the 1,010 products of one word come
 * in BM25's score order (the field lengths make scores that ts_rank_cd ties differ), ties newest first, then by id,
 * every match once over all pages ({@link #ownRanking}). No search here falls back to PostgreSQL.
 */
@QuarkusTest
@TestProfile(OpenSearchProfile.class)
class OpenSearchSearchTest extends SearchContract {

    private static final AtomicLong VERSION = new AtomicLong();

    @Inject
    ProductIndex productIndex;

    @Inject
    OpenSearchConnection connection;

    @Inject
    CatalogSearch search;

    @Inject
    SearchResultCache cache;

    private double fallbacksBefore;

    /** Searches PostgreSQL answered in OpenSearch's place for another reason than a deep page. */
    private static double fallbacks() {
        return Scrape.value("opengallery_search_fallback_total")
                - Scrape.value("opengallery_search_fallback_total", "reason=deep_page");
    }

    @BeforeEach
    void countFallbacks() {
        fallbacksBefore = fallbacks();
    }

    @AfterEach
    void openSearchAnsweredEverySearch() {
        assertEquals(fallbacksBefore, fallbacks(), "a search of this test was answered by PostgreSQL's fallback");
    }

    @Override
    SearchSql.Path expectedPath() {
        return SearchSql.Path.RUM; // PostgreSQL's own path, for the searches it answers in OpenSearch's place
    }

    @Override
    void indexUpToDate() {
        productIndex.rebuild(search.popularitySince(), VERSION.incrementAndGet()).await().indefinitely();
        cache.invalidateAll();
    }

    /**
     * Every match in OpenSearch's order, read from the node with the request the service sends (all of them on one
     * page), after checking that order against each hit's sort values: score descending, then newest listed, then id.
     */
    @Override
    List<String> ownRanking(String query) {
        SearchCriteria all = new SearchCriteria(query, null, null, null, null, null, null, null, 0, MANY + 10);
        JsonObject answer = post("/" + connection.alias() + "/_search",
                OpenSearchQuery.search(connection.alias(), all, 1000).toJsonString());
        JsonArray hits = answer.getJsonObject("hits").getJsonArray("hits");
        List<String> ids = new ArrayList<>();
        JsonArray previous = null;
        int distinctScores = 0;
        for (int i = 0; i < hits.size(); i++) {
            JsonObject hit = hits.getJsonObject(i);
            JsonArray sort = hit.getJsonArray("sort");
            if (previous != null) {
                double a = previous.getDouble(0);
                double b = sort.getDouble(0);
                assertTrue(a >= b, "score order at " + i);
                if (a == b) {
                    long la = previous.getLong(1);
                    long lb = sort.getLong(1);
                    assertTrue(la > lb || la == lb && previous.getString(2).compareTo(sort.getString(2)) < 0,
                            "equal scores newest first, then by id, at " + i);
                } else {
                    distinctScores++;
                }
            }
            previous = sort;
            ids.add(hit.getString("_id"));
        }
        assertTrue(distinctScores >= 5, "the word weighted by field makes several score groups: " + distinctScores);
        return ids;
    }

    @Test
    void searchesAreAnsweredByOpenSearchNotThePostgresqlFallback() {
        anonymous().get("/api/catalog/products?q=" + word + "&sort=PRICE_ASC&size=3").then().statusCode(200)
                .body("items[0].id", is(image), "total", is(5));
        anonymous().get("/api/catalog/popular?limit=3").then().statusCode(200);
    }

    @Test
    void pagesPastTheResultWindowAreAnsweredByPostgresql() {
        manyProducts();
        double before = Scrape.value("opengallery_search_fallback_total", "reason=deep_page");
        // 100 x 101 = 10,100 > max_result_window: PostgreSQL answers, with the same capped total
        anonymous().get("/api/catalog/products?q=" + many + "&size=100&page=100").then().statusCode(200)
                .body("items", hasSize(0), "total", is(1000), "totalCapped", is(true));
        assertEquals(before + 1, Scrape.value("opengallery_search_fallback_total", "reason=deep_page"));
    }

    private static JsonObject post(String path, String body) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(OpenSearchTestResource.url() + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return new JsonObject(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
