package dev.opengallery.core;

import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.opengallery.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every error is a problem document, also those the HTTP layer answers before any resource: limits on the request
 * target, the headers and the body, unknown routes, methods and media types, and charsets other than UTF-8.
 */
@QuarkusTest
class HttpEdgeTest {

    static final String JSON_BODY = "{\"specificationId\":\"00000000-0000-0000-0000-000000000000\",\"billingMode\":\"MONTHLY\"}";

    static void isProblem(ValidatableResponse r, int status) {
        r.statusCode(status).contentType("application/problem+json").body("status", is(status),
                "type", startsWith("https://opengallery.dev/problems/"), "title", not(emptyOrNullString()));
    }

    static void isProblem(RawHttp.Answer a, int status) {
        assertEquals(status, a.status(), a.toString());
        assertTrue(String.valueOf(a.header("Content-Type")).startsWith("application/problem+json"), a.toString());
        assertEquals(status, a.json().getInt("status"), a.body());
        assertTrue(a.json().getString("type").startsWith("https://opengallery.dev/problems/"), a.body());
        assertNotNull(a.json().getString("title"), a.body());
    }

    @Test
    void requestTargetOverTheLimitIs414() throws Exception {
        String q = "x".repeat(5000);
        isProblem(anonymous().get("/api/catalog/products?q=" + q).then(), 414);
        // also a target the HTTP codec would have refused on its own (over its default 4096-byte line)
        isProblem(RawHttp.send("GET /api/catalog/products?q=" + "y".repeat(20_000) + " HTTP/1.1", null), 414);
        // just under the limit is served
        anonymous().get("/api/catalog/categories?unused=" + "z".repeat(4000)).then().statusCode(200);
    }

    @Test
    void headersOverTheLimitAre431() throws Exception {
        isProblem(anonymous().header("X-Filler", "f".repeat(25_000)).get("/api/catalog/categories").then(), 431);
        isProblem(RawHttp.send("GET /api/catalog/categories HTTP/1.1\r\nX-A: " + "a".repeat(15_000) + "\r\nX-B: "
                + "b".repeat(15_000), null), 431);
        anonymous().header("X-Filler", "f".repeat(10_000)).get("/api/catalog/categories").then().statusCode(200);
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        // announced: answered before the body is read
        RawHttp.Answer announced = RawHttp.send("POST /api/orders/quote HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (11 * 1024 * 1024), null);
        isProblem(announced, 413);
        // sent (the answer comes before the body is read, and the connection is closed)
        byte[] big = ("{\"note\":\"" + "n".repeat(10 * 1024 * 1024 + 10) + "\"}").getBytes(StandardCharsets.UTF_8);
        isProblem(RawHttp.send("POST /api/orders/quote HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                + big.length, big), 413);
        // sent in chunks, with no length announced
        StringBuilder chunked = new StringBuilder();
        String chunk = "c".repeat(1024 * 1024);
        chunked.append(Integer.toHexString(9)).append("\r\n{\"note\":\"\r\n");
        for (int i = 0; i < 11; i++) {
            chunked.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        chunked.append("2\r\n\"}\r\n0\r\n\r\n");
        isProblem(RawHttp.send("POST /api/catalog/products/00000000-0000-0000-0000-000000000000/quote HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked", chunked.toString().getBytes(
                        StandardCharsets.US_ASCII)), 413);
    }

    @Test
    void unknownRoutesMethodsAndMediaTypesAreProblems() throws Exception {
        isProblem(anonymous().get("/api/nothing-here").then(), 404);
        isProblem(anonymous().get("/nothing-here").then(), 404);
        isProblem(anonymous().get("/q/nothing-here").then(), 404);
        isProblem(RawHttp.send("GET /favicon.ico HTTP/1.1", null), 404);
        isProblem(anonymous().delete("/api/catalog/categories").then(), 405);
        isProblem(anonymous().put("/api/catalog/products/00000000-0000-0000-0000-000000000000/quote").then(), 405);
        isProblem(given().accept("application/xml").get("/api/catalog/categories").then(), 406);
        isProblem(given().contentType("text/plain").body("hello")
                .post("/api/catalog/products/00000000-0000-0000-0000-000000000000/quote").then(), 415);
        isProblem(given().contentType("application/json").body("{not json")
                .post("/api/catalog/products/00000000-0000-0000-0000-000000000000/quote").then(), 400);
    }

    @Test
    void onlyUtf8BodiesAreRead() throws Exception {
        String url = "/api/catalog/products/00000000-0000-0000-0000-000000000000/quote";
        for (String charset : new String[] { "utf-16", "UTF-16LE", "iso-8859-1", "\"windows-1252\"" }) {
            isProblem(given().contentType("application/json; charset=" + charset).body(JSON_BODY.getBytes(
                    StandardCharsets.UTF_16)).post(url).then(), 415);
        }
        // undeclared UTF-16 (the JSON parser would detect and read it)
        isProblem(RawHttp.send("POST " + url + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                + JSON_BODY.getBytes(StandardCharsets.UTF_16LE).length, JSON_BODY.getBytes(StandardCharsets.UTF_16LE)), 415);
        // other text bodies too: a form or multipart body in another charset
        isProblem(customer(fresh("edge")).contentType("multipart/form-data; boundary=b; charset=iso-8859-1")
                .body("--b--\r\n".getBytes(StandardCharsets.US_ASCII)).post("/api/supervision/flows/00000000-0000-0000-0000-000000000000/request").then(), 415);
        // UTF-8, declared or not, is read (an unknown product: 404)
        given().contentType("application/json; charset=UTF-8").body(JSON_BODY).post(url).then().statusCode(404);
        given().contentType("application/json; charset=\"utf-8\"").body(JSON_BODY).post(url).then().statusCode(404);
        given().contentType("application/json").body(JSON_BODY.getBytes(StandardCharsets.UTF_8)).post(url).then()
                .statusCode(404);
    }

    @Test
    void everyAnswerToACredentialedRequestIsNotStored() {
        customer(fresh("edge")).get("/api/account").then().statusCode(200).header("Cache-Control", "no-store");
        customer(fresh("edge")).get("/api/orders/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .header("Cache-Control", "no-store");
        customer(fresh("edge")).body(Map.of()).post("/api/orders/quote").then().statusCode(400)
                .header("Cache-Control", "no-store");
    }
}
