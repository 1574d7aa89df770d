package dev.opengallery.catalog.opensearch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.opengallery.support.OpenSearchTestResource;
import dev.opengallery.support.Tokens;
import io.vertx.core.json.JsonObject;

/** Reads the test node directly, as an operator with curl would. */
final class IndexFixtures {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private IndexFixtures() {
    }

    /** A word no other test uses. */
    static String word() {
        return "ix" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** The document of a product behind the alias (a real-time get), or null when there is none. */
    static JsonObject doc(String alias, String id) {
        HttpResponse<String> r = get("/" + alias + "/_doc/" + id);
        if (r.statusCode() == 404) {
            return null;
        }
        JsonObject body = new JsonObject(r.body());
        return body.getBoolean("found", false) ? body : null;
    }

    /** The HTTP status of a GET on the node. */
    static int status(String path) {
        return get(path).statusCode();
    }

    /** The JSON answer of a GET on the node. */
    static JsonObject json(String path) {
        return new JsonObject(get(path).body());
    }

    static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(OpenSearchTestResource.url() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the index the service builds at start is behind the alias. */
    static void awaitAlias(String alias) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        Instant poke = Instant.now().plusSeconds(10);
        while (status("/_alias/" + alias) != 200) {
            assertTrue(Instant.now().isBefore(deadline), "the service did not build the index behind " + alias);
            if (Instant.now().isAfter(poke)) {
                // the delivery job builds a missing index too (when the build at start failed)
                Tokens.operator().post("/api/operator/jobs/search-outbox/run").then().statusCode(200);
                poke = Instant.now().plusSeconds(10);
            }
            Thread.sleep(100);
        }
    }
}
