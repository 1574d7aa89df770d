package dev.opengallery.support;

import java.util.Set;
import java.util.UUID;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Real signed OIDC access tokens for test users; each user is a distinct token subject, so a distinct account. */
public final class Tokens {

    private Tokens() {
    }

    public static String token(String subject, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(roles), subject, "Bearer");
    }

    /** A fresh subject name, so tests never share accounts by accident. */
    public static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given().auth().oauth2(token(subject, roles)).contentType("application/json");
    }

    public static RequestSpecification customer(String subject) {
        return as(subject, "customer");
    }

    public static RequestSpecification seller(String subject) {
        return as(subject, "seller");
    }

    public static RequestSpecification operator() {
        return as("operator-1", "operator");
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType("application/json");
    }
}
