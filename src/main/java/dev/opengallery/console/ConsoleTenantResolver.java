package dev.opengallery.console;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Chooses the OIDC tenant of a request. The default tenant ({@code quarkus.oidc.*}, application type service) checks
 * bearer tokens: the API as every client knows it, which answers 401 without a token. The {@code console} tenant
 * (application type web-app: authorization code flow and a session cookie) signs people in to the web console: its
 * pages ({@code /console}, {@code /console/...}) and the API calls the console makes with its session cookie and no
 * {@code Authorization} header. A request carrying a bearer token always goes to the default tenant.
 */
@ApplicationScoped
public class ConsoleTenantResolver implements TenantResolver {

    public static final String TENANT = "console";
    /** Quarkus' session cookie of the console tenant ({@code q_session} + "_" + tenant id). */
    public static final String SESSION_COOKIE = "q_session_" + TENANT;

    @Override
    public String resolve(RoutingContext context) {
        return isConsoleRequest(context) ? TENANT : null;
    }

    static boolean isConsoleRequest(RoutingContext context) {
        if (context.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            return false;
        }
        if (isConsolePath(context.normalizedPath())) {
            return true;
        }
        return context.request().getCookie(SESSION_COOKIE) != null;
    }

    static boolean isConsolePath(String path) {
        return path.equals("/console") || path.startsWith("/console/");
    }
}
