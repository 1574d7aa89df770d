package dev.opengallery.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The settings the packaged application needs in prod mode for the integration tests. The profile's overrides are
 * passed to the launched jar (or native executable) as system properties, next to those of the suite's shared test
 * resources (a database of its own from PostgresTestResource; the WireMock identity provider's {@code keycloak.url}).
 * Every {@code @QuarkusIntegrationTest} here uses this one profile, so they share one launch of the application.
 * <ul>
 * <li>the WireMock identity provider (prod has no OIDC default: {@code quarkus.oidc.auth-server-url} is required)
 * and the issuer of the tokens {@code Tokens} signs;</li>
 * <li>an encryption key for SaaS passwords (required outside dev and test);</li>
 * <li>the serverless trigger: {@code opengallery.jobs.trigger=external}, with the unpaid-order timer at 1 s and the
 * unpaid timeout at 3 s, so that an order left unpaid would be canceled within seconds if a timer still ran.</li>
 * </ul>
 */
public class PackagedApp implements QuarkusTestProfile {

    static final String UNPAID_TIMEOUT_SECONDS = "3";

    static Map<String, String> config() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                "quarkus.oidc.token.issuer", "https://server.example.com",
                // public test key (base64 of 32 bytes): protects nothing
                "opengallery.apps.encryption-key", "aXQtb25seS1rZXktZG8tbm90LXVzZS1pbi1wcm9kISE=",
                "opengallery.mail.mock", "true",
                "opengallery.jobs.trigger", "external",
                "opengallery.orders.unpaid-timeout", UNPAID_TIMEOUT_SECONDS + "S",
                "opengallery.orders.unpaid-job-every", "1s");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return config();
    }
}
