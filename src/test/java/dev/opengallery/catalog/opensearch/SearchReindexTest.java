package dev.opengallery.catalog.opensearch;

import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.catalog.CatalogFixtures.saas;
import static dev.opengallery.catalog.opensearch.IndexFixtures.doc;
import static dev.opengallery.catalog.opensearch.SearchIndexingTest.deliver;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Times;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The full reindex: a new index behind the alias with no downtime, nothing lost meanwhile, one at a time. */
@QuarkusTest
@TestProfile(OpenSearchProfile.class)
class SearchReindexTest {

    @Inject
    OpenSearchConnection connection;

    @Inject
    SearchReindex reindex;

    @Inject
    ProductIndex index;

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    @BeforeEach
    void indexBuilt() throws InterruptedException {
        IndexFixtures.awaitAlias(connection.alias());
    }

    @Test
    void aReindexSwapsTheAliasAndKeepsTheChangesMadeWhileItRan() throws Exception {
        String word = IndexFixtures.word();
        String seller = "seller-" + word;
        profile(seller);
        String id = listed(seller, saas("Epsilon " + word, "x"));
        deliver();
        String before = behindAlias();

        // the seller renames the company again and again while the rebuild runs; each change is delivered at once
        CompletableFuture<SearchReindex.Rebuilt> running = reindex.reindex().subscribeAsCompletionStage();
        String last = null;
        int renames = 0;
        do {
            last = "Name " + renames + " " + word;
            rename(seller, last);
            deliver();
            renames++;
        } while (!running.isDone() || renames < 2);
        SearchReindex.Rebuilt rebuilt = running.get();
        String after = behindAlias();
        assertEquals(rebuilt.index(), after);
        assertNotEquals(before, after);
        assertEquals(404, IndexFixtures.status("/" + before), "the old index is deleted");
        assertTrue(rebuilt.documents() >= 1);
        assertTrue(rebuilt.notedAgain() >= 1, "what was delivered to the old index meanwhile is noted again");

        deliver();
        JsonObject d = doc(connection.alias(), id);
        assertNotNull(d);
        assertEquals(last, d.getJsonObject("_source").getString("company_name"));

        // a change after the swap goes to the new index
        rename(seller, "After " + word);
        deliver();
        assertEquals("After " + word, doc(connection.alias(), id).getJsonObject("_source").getString("company_name"));
    }

    @Test
    void twoReindexRunsAtOnceBuildOnceAndRefuseTheOther() throws Exception {
        CompletableFuture<SearchReindex.Rebuilt> first = reindex.reindex().subscribeAsCompletionStage();
        CompletableFuture<SearchReindex.Rebuilt> second = reindex.reindex().subscribeAsCompletionStage();
        List<Object> outcomes = new ArrayList<>();
        for (CompletableFuture<SearchReindex.Rebuilt> run : List.of(first, second)) {
            try {
                outcomes.add(run.get());
            } catch (java.util.concurrent.ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }
        assertEquals(1, outcomes.stream().filter(o -> o instanceof SearchReindex.Rebuilt).count(), outcomes.toString());
        Object refused = outcomes.stream().filter(o -> !(o instanceof SearchReindex.Rebuilt)).findFirst().orElseThrow();
        assertEquals(409, ((ProblemException) refused).status(), refused.toString());
    }

    @Test
    void aLeaseHeldByAnotherReplicaRefusesTheRunUntilItGoesUnrenewedThenTheTakeOverDeletesItsHalfBuiltIndex()
            throws Exception {
        var now = clock.now();
        String before = behindAlias();
        // another replica renewed its lease a minute ago, while building this index
        String halfBuilt = index.createIndex().await().indefinitely();
        pool.preparedQuery("update search_index_state set reindex_owner = $1, reindex_started_at = $2,"
                + " reindex_renewed_at = $3 where id = 1").execute(Tuple.of(UUID.randomUUID(),
                        Times.ts(now.minus(Duration.ofHours(3))), Times.ts(now.minus(Duration.ofMinutes(1)))))
                .await().indefinitely();
        try {
            operator().post("/api/operator/jobs/search-reindex/run").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("already running"));
            assertEquals(200, IndexFixtures.status("/" + halfBuilt));
            // the replica died: its lease goes unrenewed (opengallery.search.reindex-lease, 5 minutes) and the next
            // run takes over, deleting what the dead one left
            pool.preparedQuery("update search_index_state set reindex_renewed_at = $1 where id = 1")
                    .execute(Tuple.of(Times.ts(now.minus(Duration.ofMinutes(6))))).await().indefinitely();
            String index = operator().post("/api/operator/jobs/search-reindex/run").then().statusCode(200)
                    .extract().path("index");
            assertEquals(index, behindAlias());
            assertEquals(404, IndexFixtures.status("/" + halfBuilt), "the dead rebuild's index is deleted");
            assertEquals(404, IndexFixtures.status("/" + before), "the old index is deleted");
            operator().get("/api/operator/jobs/search-reindex").then().statusCode(200);
        } finally {
            pool.preparedQuery("update search_index_state set reindex_owner = null, reindex_started_at = null,"
                    + " reindex_renewed_at = null where id = 1").execute().await().indefinitely();
        }
    }

    @Test
    void aRebuildWhoseLeaseWasTakenOverStopsAndOneThatHoldsItRenewsIt() {
        UUID mine = UUID.randomUUID();
        var now = clock.now();
        pool.preparedQuery("update search_index_state set reindex_owner = $1, reindex_started_at = $2,"
                + " reindex_renewed_at = $2 where id = 1").execute(Tuple.of(mine, Times.ts(now.minus(Duration.ofMinutes(4)))))
                .await().indefinitely();
        try {
            reindex.renew(mine).await().indefinitely();
            assertEquals(now.truncatedTo(java.time.temporal.ChronoUnit.MICROS), pool.query(
                    "select reindex_renewed_at from search_index_state").execute().await().indefinitely().iterator().next()
                    .getOffsetDateTime(0).toInstant(), "renewed at the clock's time");
            // another replica took it over
            pool.preparedQuery("update search_index_state set reindex_owner = $1 where id = 1")
                    .execute(Tuple.of(UUID.randomUUID())).await().indefinitely();
            var lost = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                    () -> reindex.renew(mine).await().indefinitely());
            assertEquals(409, lost.status());
            assertTrue(lost.getMessage().contains("taken over"), lost.getMessage());
        } finally {
            pool.preparedQuery("update search_index_state set reindex_owner = null, reindex_started_at = null,"
                    + " reindex_renewed_at = null where id = 1").execute().await().indefinitely();
        }
    }

    private String behindAlias() {
        JsonObject aliases = IndexFixtures.json("/_alias/" + connection.alias());
        assertEquals(1, aliases.size(), aliases.encode());
        return aliases.fieldNames().iterator().next();
    }

    private static void rename(String seller, String name) {
        Integer version = seller(seller).get("/api/seller/profile").then().statusCode(200).extract().path("version");
        seller(seller).body(Map.of("companyName", name, "serviceEmail", seller + "@sellers.example",
                "servicePhone", "+1 415 555 0100", "supportRange", "Mon-Fri", "version", version))
                .put("/api/seller/profile").then().statusCode(200);
    }
}
