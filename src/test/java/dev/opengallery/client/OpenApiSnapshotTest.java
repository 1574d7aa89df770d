package dev.opengallery.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The generated test client ({@code dev.opengallery.client.*}, see pom.xml) is built from a committed snapshot of
 * the OpenAPI document, {@value #SNAPSHOT}, because the document only exists once the service runs. This test
 * fails when the service's live document ({@code /q/openapi?format=json}) differs from the snapshot (objects
 * compared regardless of key order), so the client never drifts from the API. It always writes the live document
 * to {@value #FRESH}: refreshing the snapshot is copying that file over it.
 */
@QuarkusTest
class OpenApiSnapshotTest {

    static final String SNAPSHOT = "src/test/resources/openapi/opengallery.json";
    static final String FRESH = "target/openapi/opengallery.json";
    static final String REFRESH = "cp " + FRESH + " " + SNAPSHOT;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theCommittedSnapshotIsTheLiveDocument() throws IOException {
        String body = RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        JsonNode live = JSON.readTree(body);
        Path fresh = Path.of(FRESH);
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, JSON.writeValueAsString(live) + "\n");

        JsonNode snapshot;
        try (InputStream in = OpenApiSnapshotTest.class.getResourceAsStream("/openapi/opengallery.json")) {
            assertNotNull(in, "no OpenAPI snapshot at " + SNAPSHOT + "; create it: " + REFRESH);
            snapshot = JSON.readTree(in);
        }
        List<String> differences = new ArrayList<>();
        diff("", snapshot, live, differences);
        assertTrue(differences.isEmpty(), "the service's OpenAPI document differs from " + SNAPSHOT
                + ", from which the test client is generated, at " + differences.size() + " place(s):\n  "
                + String.join("\n  ", differences.subList(0, Math.min(20, differences.size())))
                + "\nThe live document was written to " + FRESH + ". Refresh the snapshot with `" + REFRESH
                + "` (the next build regenerates the client from it) and commit it.");
    }

    /** The JSON pointers where the two documents differ: removed, added or changed. */
    static void diff(String at, JsonNode was, JsonNode is, List<String> out) {
        if (was.equals(is)) {
            return;
        }
        if (was.isObject() && is.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            was.fieldNames().forEachRemaining(keys::add);
            is.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String here = at + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!is.has(key)) {
                    out.add("removed " + here);
                } else if (!was.has(key)) {
                    out.add("added   " + here);
                } else {
                    diff(here, was.get(key), is.get(key), out);
                }
            }
        } else if (was.isArray() && is.isArray() && was.size() == is.size()) {
            Iterator<JsonNode> a = was.elements();
            Iterator<JsonNode> b = is.elements();
            for (int i = 0; a.hasNext(); i++) {
                diff(at + "/" + i, a.next(), b.next(), out);
            }
        } else {
            out.add("changed " + (at.isEmpty() ? "/" : at));
        }
    }
}
