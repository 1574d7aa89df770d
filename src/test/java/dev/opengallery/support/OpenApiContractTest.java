package dev.opengallery.support;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The contract check fails where the document and the answers part: against a small service on loopback whose
 * document describes {@code GET /api/things/{id}} (200 a Thing, 400 a problem), answering what the header
 * {@code X-Answer} asks for.
 */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "things", "version": "1"},
             "paths": {"/api/things/{id}": {"get": {
               "parameters": [
                 {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                 {"name": "size", "in": "query", "schema": {"type": "integer", "maximum": 100}}],
               "responses": {
                 "200": {"description": "A thing",
                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "400": {"description": "Invalid",
                         "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
             }}}},
             "components": {"schemas": {
               "Thing": {"type": "object",
                         "properties": {"name": {"type": "string"}, "state": {"$ref": "#/components/schemas/State"}}},
               "State": {"type": "string", "enum": ["NEW", "DONE"]},
               "Problem": {"type": "object", "properties": {"status": {"type": "integer"}, "title": {"type": "string"}}}
             }}}
            """;

    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/openapi", e -> answer(e, 200, "application/json", DOCUMENT));
        server.createContext("/api/things/", e -> {
            switch (String.valueOf(e.getRequestHeaders().getFirst("X-Answer"))) {
                case "thing" -> answer(e, 200, "application/json", "{\"name\": \"lamp\", \"state\": \"NEW\"}");
                case "created" -> answer(e, 201, "application/json", "{\"name\": \"lamp\"}");
                case "surprise" -> answer(e, 200, "application/json", "{\"name\": \"lamp\", \"colour\": \"red\"}");
                case "state" -> answer(e, 200, "application/json", "{\"name\": \"lamp\", \"state\": \"LOST\"}");
                case "invalid" -> answer(e, 400, "application/problem+json", "{\"status\": 400}");
                case "conflict" -> answer(e, 409, "application/problem+json", "{\"status\": 409}");
                default -> answer(e, 500, "text/plain", "no answer asked for");
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aDocumentedAnswerPasses() {
        ask("thing").get("/api/things/" + UUID.randomUUID()).then().statusCode(200);
    }

    @Test
    void anUndocumentedStatusFails() {
        assertMismatch("created", "/api/things/" + UUID.randomUUID(), "validation.response.status.unknown");
        assertMismatch("conflict", "/api/things/" + UUID.randomUUID(), "validation.response.status.unknown");
    }

    @Test
    void aBodyOutsideItsSchemaFails() {
        assertMismatch("surprise", "/api/things/" + UUID.randomUUID(), "additionalProperties");
        assertMismatch("state", "/api/things/" + UUID.randomUUID(), "validation.response.body.schema.enum");
    }

    @Test
    void aRequestSentWrongOnPurposeMayBeRefusedButNotAccepted() {
        ask("invalid").get("/api/things/not-a-uuid?size=1000").then().statusCode(400);
        assertMismatch("thing", "/api/things/not-a-uuid?size=1000", "validation.request.parameter");
    }

    @Test
    void anUndocumentedPathFails() {
        assertMismatch("thing", "/api/thing/" + UUID.randomUUID(), "validation.request.path.missing");
    }

    private static void assertMismatch(String answer, String path, String expected) {
        AssertionError e = assertThrows(AssertionError.class, () -> ask(answer).get(path));
        assertThat(e.getMessage(), containsString("does not match the OpenAPI document"));
        assertThat(e.getMessage(), containsString(expected));
    }

    /** A request through a contract of its own, reading this server's document. */
    private static RequestSpecification ask(String answer) {
        return RestAssured.given().noFilters().filter(new OpenApiContract()).baseUri("http://127.0.0.1")
                .port(server.getAddress().getPort()).header("X-Answer", answer);
    }

    private static void answer(HttpExchange e, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length);
        e.getResponseBody().write(bytes);
        e.close();
    }
}
