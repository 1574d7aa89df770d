package dev.opengallery.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * TCP proxies in front of PostgreSQL and the OIDC server, for tests that take a dependency away (see
 * {@link TcpProxy}). Only a test profile built with {@link #overrides()} has them: it points the service's
 * reactive datasource and its identity provider at the proxies (Flyway still migrates directly). The database
 * proxy starts forwarding; the identity provider's starts refusing, so the service starts without it.
 */
@ApplicationScoped
public class DependencyProxies {

    @ConfigProperty(name = "og.test.proxy.pg-port")
    Optional<Integer> pgPort;

    @ConfigProperty(name = "og.test.proxy.idp-port")
    Optional<Integer> idpPort;

    @ConfigProperty(name = "keycloak.url")
    Optional<String> oidcServer;

    @Inject
    Vertx vertx;

    private TcpProxy database;
    private TcpProxy identityProvider;

    /** The configuration of a test profile whose service reaches PostgreSQL and the OIDC server through proxies. */
    public static Map<String, String> overrides() {
        String pg = String.valueOf(freePort());
        String idp = String.valueOf(freePort());
        String url = "postgresql://127.0.0.1:" + pg + "/${og.test.database}";
        String issuer = "http://127.0.0.1:" + idp + "/auth/realms/quarkus/";
        // without discovery: the mock server's discovery document names its own address for the key set and
        // introspection, which would bypass the proxy
        return Map.of("og.test.proxy.pg-port", pg, "og.test.proxy.idp-port", idp,
                "quarkus.datasource.reactive.url", url, "%test.quarkus.datasource.reactive.url", url,
                "quarkus.oidc.auth-server-url", issuer, "%test.quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.discovery-enabled", "false",
                "quarkus.oidc.jwks-path", "protocol/openid-connect/certs",
                "quarkus.oidc.introspection-path", "protocol/openid-connect/token/introspect");
    }

    void start(@Observes @Priority(1) StartupEvent event) {
        if (pgPort.isPresent()) {
            database = new TcpProxy(vertx, pgPort.get(), PostgresTestResource.HOST,
                    Integer.parseInt(PostgresTestResource.PORT));
            database.pass();
        }
        if (idpPort.isPresent() && oidcServer.isPresent()) {
            URI wiremock = URI.create(oidcServer.get());
            identityProvider = new TcpProxy(vertx, idpPort.get(), wiremock.getHost(), wiremock.getPort());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (database != null) {
            database.close();
        }
        if (identityProvider != null) {
            identityProvider.close();
        }
    }

    public TcpProxy database() {
        return database;
    }

    public TcpProxy identityProvider() {
        return identityProvider;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
