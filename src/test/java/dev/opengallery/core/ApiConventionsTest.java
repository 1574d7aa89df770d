package dev.opengallery.core;

import static dev.opengallery.support.Tokens.as;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.CatalogFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What the OpenAPI document promises about every create, checked on real answers: a 201 carries a Location that
 * the same caller can read, and reading it gives what was created.
 */
@QuarkusTest
class ApiConventionsTest {

    /** Follows the 201's Location as the same caller: 200, and the object created (by its id). */
    private static String followLocation(ExtractableResponse<Response> created, Supplier<RequestSpecification> caller,
            String expectedPathPrefix) {
        String location = created.header("Location");
        assertNotNull(location, "201 without Location");
        String path = java.net.URI.create(location).getPath();
        assertTrue(path.startsWith(expectedPathPrefix), location);
        String id = created.path("id");
        caller.get().get(path).then().statusCode(200).body("id", is(id));
        return path;
    }

    @Test
    void everyCreateAnswersALocationThatCanBeRead() {
        String c = fresh("conv-buyer");
        String s = fresh("conv-seller");

        // a VPC, and a security group in it (Location: the VPC, which lists the new group)
        var vpc = customer(c).body(Map.of("name", "shop-vpc", "cidr", "192.168.0.0/16")).post("/api/account/vpcs")
                .then().statusCode(201).extract();
        String vpcPath = followLocation(vpc, () -> customer(c), "/api/account/vpcs/");
        var group = customer(c).body(Map.of("name", "web-80-443")).post(vpcPath + "/security-groups").then()
                .statusCode(201).body("securityGroups", hasItem("web-80-443")).extract();
        assertEquals(vpcPath, java.net.URI.create(group.header("Location")).getPath());
        customer(c).get(vpcPath).then().statusCode(200).body("securityGroups", hasItem("web-80-443"));
        customer(c).body(Map.of("name", "web-80-443")).post(vpcPath + "/security-groups").then().statusCode(409);
        customer(fresh("conv-other")).get(vpcPath).then().statusCode(404);

        // a product draft
        CatalogFixtures.profile(s);
        var draft = seller(s).body(CatalogFixtures.saas("Conventions CRM " + s, "x")).post("/api/seller/products")
                .then().statusCode(201).extract();
        followLocation(draft, () -> seller(s), "/api/seller/products/");

        // a favorite and an order of a listed product
        String product = CatalogFixtures.listed(s, CatalogFixtures.saas("Conventions Listed " + s, "x"));
        String spec = as(c, "customer").get("/api/catalog/products/" + product).then().extract()
                .path("specifications[0].id");
        var favorite = customer(c).body(Map.of("productId", product)).post("/api/favorites").then().statusCode(201)
                .extract();
        String favoritePath = followLocation(favorite, () -> customer(c), "/api/favorites/");
        customer(fresh("conv-other")).get(favoritePath).then().statusCode(404);
        var order = customer(c).body(Map.of("productId", product, "specificationId", spec, "billingMode", "MONTHLY",
                "quantity", 5, "acceptTerms", true)).post("/api/orders").then().statusCode(201).extract();
        followLocation(order, () -> customer(c), "/api/orders/");
    }
}
