package dev.opengallery.catalog.opensearch;

import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.catalog.CatalogFixtures.saas;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.apps.LogCapture;
import dev.opengallery.support.OpenSearchTestResource;
import dev.opengallery.support.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Degrades, never fails: with OpenSearch stopped (or its alias gone) searches and popular applications are answered
 * by PostgreSQL (200), counted in {@code opengallery.search.fallback{reason}} and warned about once, not per search;
 * after the cool-down, once OpenSearch is back, it answers again without a restart.
 * <p>
 * To tell the engines apart, one product is delisted in PostgreSQL behind the index's back: OpenSearch still finds
 * it, PostgreSQL does not.
 */
@QuarkusTest
@TestProfile(OpenSearchProfile.class)
class OpenSearchFallbackTest {

    private static final AtomicLong VERSION = new AtomicLong(1_000_000);

    @Inject
    ProductIndex index;

    @Inject
    OpenSearchConnection connection;

    @Inject
    Pool pool;

    /** Each search asks for another page size, so that the result cache answers none of them. */
    private final AtomicInteger size = new AtomicInteger(10);

    String word;
    String kept;
    String hidden;

    @BeforeEach
    void catalogue() {
        word = "fb" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String seller = "seller-" + word;
        profile(seller);
        kept = listed(seller, saas(word + " ledger", "Books"));
        hidden = listed(seller, saas(word + " journal", "Books"));
        index.rebuild(LocalDate.of(2026, 1, 1), VERSION.incrementAndGet()).await().indefinitely();
        setStatus(hidden, "DELISTED");
        answeredByOpenSearch();
    }

    /** Changes a product's status in PostgreSQL only (no notification, no indexing). */
    private void setStatus(String id, String status) {
        pool.preparedQuery("update product set status = $2 where id = $1")
                .execute(Tuple.of(UUID.fromString(id), status)).await().indefinitely();
    }

    private io.restassured.response.ValidatableResponse search() {
        return anonymous().get("/api/catalog/products?q=" + word + "&size=" + size.incrementAndGet()).then()
                .statusCode(200);
    }

    private void answeredByOpenSearch() {
        search().body("total", is(2), "items.id", containsInAnyOrder(kept, hidden));
    }

    private void answeredByPostgresql() {
        search().body("total", is(1), "items.id", contains(kept));
    }

    private static double fallbacks(String reason) {
        return Scrape.value("opengallery_search_fallback_total", "reason=" + reason);
    }

    @Test
    void withTheNodeStoppedPostgresqlAnswersAndOpenSearchAgainOnceItIsBack() {
        double unreachable = fallbacks("unreachable");
        try (LogCapture log = new LogCapture()) {
            OpenSearchTestResource.stopNode();
            try {
                answeredByPostgresql();
                answeredByPostgresql(); // within the cool-down: straight to PostgreSQL
                anonymous().get("/api/catalog/popular?limit=7").then().statusCode(200);
                assertTrue(fallbacks("unreachable") >= unreachable + 3, "the fallbacks are counted");
                assertEquals(1, log.lines().stream().filter(l -> l.contains("cannot answer searches")).count(),
                        "one warning, not one per search: " + log.lines());
                // an operator's reindex meanwhile stops with 503 and leaves the lease free for the next run
                operator().post("/api/operator/jobs/search-reindex/run").then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", "30")
                        .body("type", org.hamcrest.Matchers.endsWith("reindex-stopped"),
                                "detail", org.hamcrest.Matchers.containsString("still read the index behind the alias"));
                assertEquals(0, pool.query("select count(*) from search_index_state where reindex_owner is not null")
                        .execute().await().indefinitely().iterator().next().getLong(0), "the lease is released");
            } finally {
                OpenSearchTestResource.startNode();
            }
            backAfterTheCoolDown();
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("answers searches again")), log.lines().toString());
        }
    }

    @Test
    void withTheAliasMissingPostgresqlAnswersUntilAnIndexIsBack() throws Exception {
        double missing = fallbacks("missing_index");
        String alias = connection.alias();
        assertEquals(200, send("DELETE", "/_all/_alias/" + alias));
        try {
            answeredByPostgresql();
            assertEquals(missing + 1, fallbacks("missing_index"));
        } finally {
            // a new index behind the alias; the rebuild reads PostgreSQL, so the hidden product is listed meanwhile
            setStatus(hidden, "LISTED");
            index.rebuild(LocalDate.of(2026, 1, 1), VERSION.incrementAndGet()).await().indefinitely();
            setStatus(hidden, "DELISTED");
        }
        backAfterTheCoolDown();
    }

    /** Within the cool-down and a margin, searches come from OpenSearch again, and then nothing falls back. */
    private void backAfterTheCoolDown() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int total;
        do {
            total = search().extract().path("total");
        } while (total != 2 && System.nanoTime() < deadline && pause());
        assertEquals(2, total, "OpenSearch never answered again");
        double all = Scrape.value("opengallery_search_fallback_total");
        answeredByOpenSearch();
        anonymous().get("/api/catalog/popular?limit=8").then().statusCode(200);
        assertEquals(all, Scrape.value("opengallery_search_fallback_total"), "still falling back");
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int send(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(OpenSearchTestResource.url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
