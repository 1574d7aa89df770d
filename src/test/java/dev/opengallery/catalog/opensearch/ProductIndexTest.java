package dev.opengallery.catalog.opensearch;

import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.catalog.CatalogFixtures.saas;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.support.OpenSearchTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/** The product index on a real OpenSearch node: rebuilt from PostgreSQL's LISTED products behind its alias. */
@QuarkusTest
@TestProfile(OpenSearchProfile.class)
class ProductIndexTest {

    @Inject
    ProductIndex index;

    @Inject
    OpenSearchConnection connection;

    @Test
    void aRebuildIndexesEveryListedProductBehindTheAliasAndReplacesTheOldIndex() throws Exception {
        IndexFixtures.awaitAlias(connection.alias()); // the service's own first build, at start, is over
        String word = "os" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String seller = "seller-" + word;
        profile(seller);
        String id = listed(seller, saas("Ledger " + word, "Backups for " + word));

        String first = index.rebuild(LocalDate.of(2026, 1, 1), 1).await().indefinitely();
        String second = index.rebuild(LocalDate.of(2026, 1, 1), 2).await().indefinitely();

        JsonObject hits = get("/" + connection.alias() + "/_search?q=name:" + word);
        assertEquals(1, hits.getJsonObject("hits").getJsonObject("total").getInteger("value"));
        JsonObject source = hits.getJsonObject("hits").getJsonArray("hits").getJsonObject(0).getJsonObject("_source");
        assertEquals(id, source.getString("id"));
        assertEquals("LISTED", source.getString("status"));
        // the alias points at the second index alone; the first is gone
        JsonObject aliases = get("/_alias/" + connection.alias());
        assertEquals(1, aliases.size(), aliases.encode());
        assertEquals(second, aliases.fieldNames().iterator().next());
        assertEquals(404, status("/" + first));
    }

    @Test
    void aRebuildThatStopsMidwayDeletesItsIndexAndLeavesTheAliasAlone() throws Exception {
        IndexFixtures.awaitAlias(connection.alias());
        profile("seller-stops");
        listed("seller-stops", saas("Stops midway", "x"));
        String before = get("/_alias/" + connection.alias()).fieldNames().iterator().next();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        // the caller's check fails on its second call: after the index was created and before a later batch or the swap
        var failed = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> index.rebuild(
                LocalDate.of(2026, 1, 1), 3, () -> asked.incrementAndGet() < 2 ? io.smallrye.mutiny.Uni.createFrom()
                        .voidItem() : io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("lease lost")))
                .await().indefinitely());
        assertEquals("lease lost", failed.getMessage());
        assertEquals(2, asked.get());
        JsonObject aliases = get("/_alias/" + connection.alias());
        assertEquals(java.util.Set.of(before), aliases.fieldNames(), "searches still read the old index");
        assertEquals(java.util.Set.of(before), get("/" + connection.alias() + "-*").fieldNames(),
                "the half-built index is deleted");
    }

    @Test
    void leftoversAreOnlyThisAliasesOwnIndicesThatNoAliasPointsAt() throws Exception {
        IndexFixtures.awaitAlias(connection.alias());
        String alias = connection.alias();
        String current = get("/_alias/" + alias).fieldNames().iterator().next();
        String halfBuilt = index.createIndex().await().indefinitely();
        // another deployment sharing the cluster whose prefix makes its alias start like this one
        String foreign = alias + "-x-products-20261201-000000-000-0123abcd";
        assertEquals(200, put("/" + foreign));
        try {
            assertEquals(true, ProductIndex.leftover(alias, halfBuilt, java.util.Set.of()));
            assertEquals(false, ProductIndex.leftover(alias, current, java.util.Set.of(alias)));
            assertEquals(false, ProductIndex.leftover(alias, foreign, java.util.Set.of()));
            index.deleteLeftovers().await().indefinitely();
            assertEquals(404, status("/" + halfBuilt));
            assertEquals(200, status("/" + current));
            assertEquals(200, status("/" + foreign));
        } finally {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(OpenSearchTestResource.url() + "/" + foreign))
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static int put(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(OpenSearchTestResource.url() + path))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonObject get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(OpenSearchTestResource.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    private static int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(OpenSearchTestResource.url() + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
