package dev.opengallery.metering;

import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.product;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.opengallery.support.Tokens;
import io.restassured.response.ValidatableResponse;

/**
 * Listed images sold pay-per-use (LAMP 0.25 an hour, Wiki 0.10, Metrics 0.0125; each also monthly), customers with
 * a VPC and money, pay-per-use image orders (the ECS they create is what the compute service then reports on), and
 * compute events. Copied in spirit from the ordering fixtures, which are package-private.
 */
final class MeteringFixtures {

    final String seller = Tokens.fresh("seller");
    final String lamp;
    final String lampSpec;
    final String wiki;
    final String wikiSpec;
    final String metrics;
    final String metricsSpec;

    MeteringFixtures() {
        profile(seller);
        lamp = image("Metered LAMP", "0.25");
        lampSpec = spec(lamp);
        wiki = image("Metered Wiki", "0.10");
        wikiSpec = spec(wiki);
        metrics = image("Metered Metrics", "0.0125");
        metricsSpec = spec(metrics);
    }

    private String image(String name, String hourly) {
        return listed(seller, imageBody(name, Map.of("name", "Std", "pricingModel", "FLAT", "prices", List.of(
                Map.of("billingMode", "PAY_PER_USE", "unitPrice", hourly),
                Map.of("billingMode", "MONTHLY", "unitPrice", "30.00")))));
    }

    /** An image product with that one specification and the recommended security group. */
    static Map<String, Object> imageBody(String name, Map<String, Object> spec) {
        Map<String, Object> img = product("IMAGE", "RUNTIME_ENVIRONMENT", name, "x", List.of(spec));
        img.put("securityGroups", List.of("web-80-443"));
        return img;
    }

    static String spec(String product) {
        return anonymous().get("/api/catalog/products/" + product).then().extract().path("specifications[0].id");
    }

    /** A new customer with that much balance (null: none) and a VPC; returns its subject. */
    static String customerWith(String amount) {
        String c = Tokens.fresh("meter");
        String id = accountId(c);
        if (amount != null) {
            topUp(id, amount);
        }
        return c;
    }

    static void topUp(String accountId, String amount) {
        operator().body(Map.of("amount", amount)).post("/api/operator/accounts/" + accountId + "/top-up").then()
                .statusCode(200);
    }

    static String accountId(String customer) {
        return customer(customer).get("/api/account").then().statusCode(200).extract().path("id");
    }

    static String vpc(String customer) {
        return customer(customer).body(Map.of("name", "vpc-" + Tokens.fresh("v"), "cidr", "192.168.0.0/16"))
                .post("/api/account/vpcs").then().statusCode(201).extract().path("id");
    }

    /** Orders the image pay-per-use (or in another billing mode) with an ECS; returns the ECS id. */
    static String order(String customer, String vpc, String product, String spec, String mode) {
        Map<String, Object> o = new HashMap<>();
        o.put("productId", product);
        o.put("specificationId", spec);
        o.put("billingMode", mode);
        o.put("acceptTerms", true);
        Map<String, Object> ecs = new HashMap<>();
        ecs.put("vpcId", vpc);
        ecs.put("securityGroup", "web-80-443");
        ecs.put("password", "Gallery#2026");
        o.put("ecs", ecs);
        if (!"PAY_PER_USE".equals(mode)) {
            o.put("paymentMethod", "BALANCE");
        }
        return customer(customer).body(o).post("/api/orders").then().statusCode(201).body("state",
                org.hamcrest.Matchers.is("COMPLETED")).extract().path("ecs.ecsId");
    }

    static String ppu(String customer, String vpc, String product, String spec) {
        return order(customer, vpc, product, spec, "PAY_PER_USE");
    }

    // ------------------------------------------------------------------------------------------ events

    static Map<String, Object> event(String type, String ecsId, Instant at) {
        Map<String, Object> e = new HashMap<>();
        e.put("id", Tokens.fresh("evt"));
        e.put("type", type);
        e.put("ecsId", ecsId);
        e.put("occurredAt", at.toString());
        return e;
    }

    static Map<String, Object> created(String ecsId, Instant at, String product, String spec) {
        Map<String, Object> e = event("CREATED", ecsId, at);
        e.put("imageProductId", product);
        e.put("specificationId", spec);
        e.put("ecsBillingMode", "PAY_PER_USE");
        return e;
    }

    static Map<String, Object> replaced(String ecsId, Instant at, String product, String spec) {
        Map<String, Object> e = event("IMAGE_REPLACED", ecsId, at);
        e.put("imageProductId", product);
        e.put("specificationId", spec);
        return e;
    }

    static ValidatableResponse send(Map<String, Object> event) {
        return Tokens.as("compute-plane", "compute").body(event).post("/api/compute/ecs-events").then();
    }

    static void accepted(Map<String, Object> event) {
        send(event).statusCode(200).body("outcome", org.hamcrest.Matchers.is("ACCEPTED"));
    }
}
