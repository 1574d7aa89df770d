package dev.opengallery.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The resources every @QuarkusTest shares (declared once, applied to all): a throwaway PostgreSQL database
 * and a WireMock OIDC server whose keys sign the tokens {@link Tokens} makes (the service's provider
 * through {@link WiremockOidcSettings}).
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(WiremockOidcSettings.class)
public final class TestResources {
    private TestResources() {
    }
}
