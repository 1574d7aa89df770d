package dev.opengallery.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Points the service's identity provider at the WireMock OIDC server ({@code keycloak.url}, set by
 * OidcWiremockTestResource) for every test but the console's browser tests ({@code console.ConsoleProfile}), which
 * sign in through the OIDC Dev Service's login page: a provider set here, even to an empty value, would keep the Dev
 * Service from starting or hide the settings it gives, so it is left out altogether there.
 */
public class WiremockOidcSettings implements QuarkusTestResourceLifecycleManager {

    private boolean browser;

    /** A test profile that names its own provider, or starts the OIDC Dev Service, keeps it. */
    @Override
    public void setContext(Context context) {
        if (context.testProfile() == null) {
            return;
        }
        try {
            Map<String, String> overrides = ((QuarkusTestProfile) Class.forName(context.testProfile(), true,
                    Thread.currentThread().getContextClassLoader()).getDeclaredConstructor().newInstance())
                    .getConfigOverrides();
            browser = "true".equals(overrides.get("quarkus.oidc.devservices.enabled"))
                    || overrides.containsKey("quarkus.oidc.auth-server-url");
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Cannot read the test profile " + context.testProfile(), e);
        }
    }

    @Override
    public Map<String, String> start() {
        if (browser) {
            return Map.of();
        }
        return Map.of("quarkus.oidc.auth-server-url", "${keycloak.url:http://localhost:8180/auth}/realms/quarkus/",
                "quarkus.oidc.token.issuer", "https://server.example.com");
    }

    @Override
    public void stop() {
    }
}
