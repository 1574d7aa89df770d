package dev.opengallery.console;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The browser tests' identity provider: the in-JVM OIDC Dev Service (the one `./mvnw quarkus:dev` uses), with its
 * real login page, instead of the suite's WireMock server (which has no login page). Its users: alice and bob
 * (customer), sam and nora (seller), olga (operator).
 */
public class ConsoleProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.oidc.devservices.enabled", "true"),
                Map.entry("quarkus.oidc.devservices.roles.alice", "customer"),
                Map.entry("quarkus.oidc.devservices.roles.bob", "customer"),
                Map.entry("quarkus.oidc.devservices.roles.sam", "seller"),
                Map.entry("quarkus.oidc.devservices.roles.nora", "seller"),
                Map.entry("quarkus.oidc.devservices.roles.olga", "operator"));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
