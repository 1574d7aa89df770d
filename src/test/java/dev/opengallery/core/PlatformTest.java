package dev.opengallery.core;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformTest {

    @Test
    void healthChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"),
                "checks.name", hasItem(containsString("Reactive PostgreSQL")));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void prometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void openApiDescribesEveryEndpointWithErrorsAndSecurity() {
        var doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : new String[] { "/api/catalog/products", "/api/catalog/products/{id}",
                "/api/catalog/products/{id}/quote", "/api/catalog/categories", "/api/catalog/popular",
                "/api/catalog/sellers/{id}", "/api/seller/profile", "/api/seller/products", "/api/seller/products/{id}",
                "/api/seller/products/{id}/submit", "/api/seller/products/{id}/withdraw",
                "/api/seller/products/{id}/delist", "/api/operator/products", "/api/operator/products/{id}/approve",
                "/api/operator/products/{id}/reject", "/api/operator/products/{id}/delist", "/api/favorites",
                "/api/favorites/{id}", "/api/favorites/{id}/purchase" }) {
            org.junit.jupiter.api.Assertions.assertNotNull(doc.get("paths.'" + path + "'"), path);
        }
        org.junit.jupiter.api.Assertions.assertNotNull(doc.get("components.schemas.Problem"));
        org.junit.jupiter.api.Assertions.assertNotNull(doc.get("components.securitySchemes.bearer"));
        // errors are documented as problem documents, with an example
        org.junit.jupiter.api.Assertions.assertNotNull(doc.get(
                "paths.'/api/seller/products'.post.responses.'400'.content.'application/problem+json'.schema"));
        org.junit.jupiter.api.Assertions.assertNotNull(doc.get(
                "paths.'/api/seller/products/{id}/submit'.post.responses.'409'.content.'application/problem+json'.example"));
        org.junit.jupiter.api.Assertions.assertNotNull(doc.get("paths.'/api/favorites'.get.security"));
        org.junit.jupiter.api.Assertions.assertNull(doc.get("paths.'/api/catalog/products'.get.security"));
    }

    @Test
    void unknownPathsAnswerProblemDocuments() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/catalog/categories").then().statusCode(405).contentType("application/problem+json");
    }
}
