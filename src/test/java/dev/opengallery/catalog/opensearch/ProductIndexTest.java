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
