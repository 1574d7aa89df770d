package dev.opengallery.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;


import dev.opengallery.core.Problem;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF protection of the console (double submit). Every console page load sets a random {@value #COOKIE} cookie that
 * the console's JavaScript can read (same site only, not HttpOnly); the console sends its value back in the
 * {@value #HEADER} header of every state-changing call. A POST, PUT, PATCH or DELETE that is authenticated by the
 * console's session cookie (no {@code Authorization} header) without that header, or with another value, answers 403
 * (problem+json) before any resource runs: a page of another site can make the browser send the session cookie, but
 * can neither read the CSRF cookie nor set the header. Bearer-token requests are not affected.
 */
@ApplicationScoped
public class ConsoleCsrf {

    public static final String COOKIE = "og_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** Right after core.HttpEdge's guard (Integer.MIN_VALUE), before the body is read or anyone authenticates. */
    static final int ORDER = Integer.MIN_VALUE + 10;
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ConsoleConfig config;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        if ("JavaScript".equals(ctx.request().getHeader("X-Requested-With"))) {
            // the console tenant answers a script's call without a valid session with 499 (java-script-auto-redirect
            // off) rather than a redirect to the login page: make it the 401 every HTTP client understands
            ctx.addHeadersEndHandler(v -> {
                if (ctx.response().getStatusCode() == 499) {
                    ctx.response().setStatusCode(401).setStatusMessage("Unauthorized");
                    ctx.response().headers().set("WWW-Authenticate", "OIDC realm=\"console\"");
                }
            });
        }
        boolean bearer = ctx.request().headers().contains(HttpHeaders.AUTHORIZATION);
        boolean session = ctx.request().getCookie(ConsoleTenantResolver.SESSION_COOKIE) != null;
        Cookie csrf = ctx.request().getCookie(COOKIE);
        if (!bearer && session && !SAFE.contains(ctx.request().method())) {
            String header = ctx.request().getHeader(HEADER);
            if (csrf == null || header == null || csrf.getValue().isEmpty()
                    || !MessageDigest.isEqual(csrf.getValue().getBytes(StandardCharsets.UTF_8),
                            header.getBytes(StandardCharsets.UTF_8))) {
                refuse(ctx);
                return;
            }
        }
        if (csrf == null && !bearer && ConsoleTenantResolver.isConsolePath(ctx.normalizedPath())) {
            ctx.response().addCookie(Cookie.cookie(COOKIE, token()).setPath("/").setSameSite(CookieSameSite.STRICT)
                    .setHttpOnly(false).setSecure(config.secureCookies()));
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx) {
        Problem problem = new Problem("https://opengallery.dev/problems/csrf", "Forbidden", 403,
                "The console's CSRF token is missing or wrong (header " + HEADER + "): reload the console and try again",
                null, null);
        ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(Json.encode(problem));
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
