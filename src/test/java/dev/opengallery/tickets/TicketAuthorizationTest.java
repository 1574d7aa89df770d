package dev.opengallery.tickets;

import static dev.opengallery.tickets.TicketFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every ticket endpoint by role and owner: anonymous 401, a role the endpoint is not for 403, another buyer's ticket
 * 404, a ticket the seller was not brought into 404 (never a hint that it exists); and none of those changes the
 * ticket.
 */
@QuarkusTest
class TicketAuthorizationTest {

    enum Body { NONE, JSON, OPEN_FORM, REPLY_FORM }

    record Endpoint(String role, String method, String path, Body body) {
    }

    @Test
    void everyEndpointAnswersByRoleAndOwner() {
        TicketFixtures f = new TicketFixtures();
        String buyer = customerWith("1000.00");
        String order = paidOrder(buyer, f.license, "ONE_TIME", "BALANCE");
        String otherBuyer = customerWith(null);
        String otherSeller = Tokens.fresh("tk-seller2");

        String ticket = ticketForm(buyer, "CANNOT_CONTACT_SELLER", "No answer", "orderId", order)
                .multiPart("files", "a.pdf", PDF, "application/pdf").post(BUYER).then().statusCode(201).extract()
                .path("ticket.id");
        String file = customer(buyer).get(BUYER + ticket).then().extract().path("messages[0].attachments[0].id");
        operatorText("involve-seller", ticket, "Please answer").then().statusCode(200);
        // the same seller's product, but not brought in
        String notInvolved = open(buyer, "TECHNICAL", "orderId", order);

        List<Endpoint> endpoints = List.of(
                new Endpoint("customer", "POST", "/api/tickets", Body.OPEN_FORM),
                new Endpoint("customer", "GET", "/api/tickets", Body.NONE),
                new Endpoint("customer", "GET", "/api/tickets/{id}", Body.NONE),
                new Endpoint("customer", "GET", "/api/tickets/{id}/attachments/{file}", Body.NONE),
                new Endpoint("customer", "POST", "/api/tickets/{id}/replies", Body.REPLY_FORM),
                new Endpoint("customer", "POST", "/api/tickets/{id}/reopen", Body.JSON),
                new Endpoint("customer", "POST", "/api/tickets/{id}/close", Body.JSON),
                new Endpoint("operator", "GET", "/api/operator/tickets", Body.NONE),
                new Endpoint("operator", "GET", "/api/operator/tickets/{id}", Body.NONE),
                new Endpoint("operator", "GET", "/api/operator/tickets/{id}/attachments/{file}", Body.NONE),
                new Endpoint("operator", "POST", "/api/operator/tickets/{id}/assign", Body.JSON),
                new Endpoint("operator", "POST", "/api/operator/tickets/{id}/replies", Body.REPLY_FORM),
                new Endpoint("operator", "POST", "/api/operator/tickets/{id}/ask-buyer", Body.JSON),
                new Endpoint("operator", "POST", "/api/operator/tickets/{id}/involve-seller", Body.JSON),
                new Endpoint("operator", "POST", "/api/operator/tickets/{id}/resolve", Body.JSON),
                new Endpoint("operator", "POST", "/api/operator/tickets/{id}/close", Body.JSON),
                new Endpoint("seller", "GET", "/api/seller/tickets", Body.NONE),
                new Endpoint("seller", "GET", "/api/seller/tickets/{id}", Body.NONE),
                new Endpoint("seller", "GET", "/api/seller/tickets/{id}/attachments/{file}", Body.NONE),
                new Endpoint("seller", "POST", "/api/seller/tickets/{id}/replies", Body.REPLY_FORM));

        // the ticket's own OpenAPI paths: this list is every one of them
        List<String> documented = new ArrayList<>();
        Map<String, Object> paths = RestAssured.given().get("/q/openapi?format=json").then().extract().path("paths");
        paths.forEach((path, ops) -> {
            if (path.contains("/tickets")) {
                ((Map<String, Object>) ops).keySet().forEach(m -> documented.add(m.toUpperCase() + " " + path));
            }
        });
        List<String> listed = endpoints.stream().map(e -> e.method() + " " + e.path()
                .replace("{file}", "{attachmentId}")).sorted().toList();
        assertEquals(documented.stream().sorted().toList(), listed);

        long version = version(buyer, ticket);
        List<String> failures = new ArrayList<>();
        for (Endpoint e : endpoints) {
            String path = e.path().replace("{id}", ticket).replace("{file}", file);
            expect(failures, e, "anonymous", send(RestAssured.given(), e, path), 401);
            for (String role : List.of("customer", "operator", "seller")) {
                if (!role.equals(e.role())) {
                    String subject = role.equals("customer") ? buyer : role.equals("seller") ? f.seller : "operator-1";
                    expect(failures, e, role, send(RestAssured.given().auth().oauth2(Tokens.token(subject, role)), e,
                            path), 403);
                }
            }
            if (path.contains(ticket)) {
                if (e.role().equals("customer")) {
                    expect(failures, e, "another buyer", send(as(otherBuyer, "customer"), e, path), 404);
                }
                if (e.role().equals("seller")) {
                    expect(failures, e, "another seller", send(as(otherSeller, "seller"), e, path), 404);
                    expect(failures, e, "the seller, not brought in", send(as(f.seller, "seller"), e,
                            path.replace(ticket, notInvolved)), 404);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(version, version(buyer, ticket), "nothing changed the ticket");
        // the listings show others nothing
        customer(otherBuyer).get(BUYER).then().statusCode(200).body("total", org.hamcrest.Matchers.is(0));
        Tokens.seller(otherSeller).get(SELLER).then().statusCode(200).body("total", org.hamcrest.Matchers.is(0));
        Tokens.seller(f.seller).get(SELLER).then().statusCode(200).body("total", org.hamcrest.Matchers.is(1));
        operator().get(OPERATOR + ticket).then().statusCode(200);
    }

    static RequestSpecification as(String subject, String role) {
        return RestAssured.given().auth().oauth2(Tokens.token(subject, role));
    }

    static long version(String buyer, String ticket) {
        return ((Number) customer(buyer).get(BUYER + ticket).then().statusCode(200).extract().path("ticket.version"))
                .longValue();
    }

    static Response send(RequestSpecification r, Endpoint e, String path) {
        switch (e.body()) {
            case JSON -> r = r.contentType("application/json").body(Map.of("text", "probe"));
            case OPEN_FORM -> r = r.multiPart("category", "OTHER").multiPart("subject", "probe")
                    .multiPart("description", "probe");
            case REPLY_FORM -> r = r.multiPart("text", "probe");
            default -> {
            }
        }
        return e.method().equals("GET") ? r.get(path) : r.post(path);
    }

    static void expect(List<String> failures, Endpoint e, String who, Response r, int status) {
        if (r.statusCode() != status) {
            failures.add(e.method() + " " + e.path() + " as " + who + ": expected " + status + ", was "
                    + r.statusCode() + " " + r.asString());
        } else if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(e.method() + " " + e.path() + " as " + who + ": not a problem document: " + r.contentType());
        }
    }
}
