package dev.opengallery.it;

import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.catalog.CatalogFixtures.saas;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The packaged application (the jar, or the native executable with {@code -Dnative}) in prod mode, against a
 * database of its own that it migrated as it started: health, the OpenAPI document, and a buyer's journey.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedApp.class)
class ServiceIT {

    @Test
    void isReadyWithItsDatabase() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"), "checks.status", everyItem(is("UP")));
        RestAssured.given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void servesItsOpenApiDocument() {
        Map<String, Map<String, Object>> paths = RestAssured.given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3."), "info.title", is("OpenGallery API"),
                        "paths.'/api/orders'.post.operationId", is("placeOrder"),
                        "paths.'/api/apps'.get.operationId", is("listApps"))
                .extract().path("paths");
        // every operation has an operationId, and no two share one
        List<String> ids = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && METHODS.contains(method)) {
                assertTrue(op.get("operationId") instanceof String id && !id.isBlank(), method + " " + path);
                ids.add((String) op.get("operationId"));
            }
        }));
        assertTrue(ids.size() > 50, "operations: " + ids.size());
        assertEquals(ids.size(), Set.copyOf(ids).size(), "operationIds are unique");
    }

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void aBuyerTopsUpPaysAnOrderAndSeesThePurchasedApp() {
        // a seller's listed product (created, submitted, approved through the API)
        String seller = Tokens.fresh("it-seller");
        profile(seller);
        String product = listed(seller, saas("IT CRM", "A CRM bought by the integration test"));
        String spec = anonymous().get("/api/catalog/products/" + product).then().statusCode(200)
                .body("status", is("LISTED")).extract().path("specifications[0].id");

        // a customer whose account an operator tops up
        String buyer = Tokens.fresh("it-buyer");
        String account = customer(buyer).get("/api/account").then().statusCode(200).body("balance", is(0.00f))
                .extract().path("id");
        operator().body(Map.of("amount", "500.00", "reference", "bank-" + UUID.randomUUID()))
                .post("/api/operator/accounts/" + account + "/top-up").then().statusCode(200)
                .body("balance", is(500.00f));

        // places the order (TIERED: 20 users at 10.00 a month), then pays it from the balance
        Map<String, Object> order = new HashMap<>(Map.of("productId", product, "specificationId", spec,
                "billingMode", "MONTHLY", "quantity", 20, "acceptTerms", true));
        String id = customer(buyer).body(order).post("/api/orders").then().statusCode(201)
                .body("state", is("PENDING_PAYMENT"), "amountDue", is(200.00f)).extract().path("id");
        customer(buyer).body(Map.of("method", "BALANCE")).post("/api/orders/" + id + "/pay").then().statusCode(200)
                .body("state", is("COMPLETED"), "paymentMethod", is("BALANCE"),
                        "events.toState", contains("PENDING_PAYMENT", "COMPLETED"));
        customer(buyer).get("/api/account").then().body("balance", is(300.00f));
        customer(buyer).get("/api/account/ledger").then().body("items.kind", is(List.of("PAYMENT", "TOP_UP")));

        // and sees what it bought among its purchased apps
        customer(buyer).get("/api/apps").then().statusCode(200)
                .body("total", is(1), "items[0].orderId", is(id), "items[0].productName", is("IT CRM"),
                        "items[0].status", is("ACTIVE"), "items[0].quantity", is(20));
        // the seller sees the sale
        Tokens.seller(seller).get("/api/seller/apps").then().statusCode(200).body("items.orderId", hasItem(id));
    }
}
