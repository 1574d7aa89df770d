package dev.opengallery.core;

import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * The service's HTTP edge, in front of every route: it enforces the documented request limits (request target,
 * header block, body size, UTF-8 only) with problem documents, marks every answer to a credentialed request
 * {@code Cache-Control: no-store}, and turns whatever the HTTP layer itself would answer (no route, a failed
 * route, a body over the limit) into {@code application/problem+json}. The HTTP codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set far above these, so that
 * only a pathological request gets the codec's bare answer.
 */
@ApplicationScoped
public class HttpEdge {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);

    /** Before Quarkus' own body-size check (order -2) and body handlers. */
    static final int GUARD_ORDER = Integer.MIN_VALUE;
    /** After every other failure handler (security's), just before Quarkus' default error page (last). */
    static final int FAILURE_ORDER = Integer.MAX_VALUE - 1;

    /** How long the rest of a body that will not be read is dropped before the connection is closed. */
    static final long DRAIN_MILLIS = 10_000;

    private static final int[] ROUTER_ERRORS = { 400, 404, 405, 406, 413, 414, 415, 431, 500 };

    @Inject
    HttpConfig config;

    /** Quarkus' own property (its HTTP configuration maps quarkus.http): read as it is, not through a mapping here. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(GUARD_ORDER).handler(this::guard);
        router.route().order(FAILURE_ORDER).failureHandler(this::failure);
        for (int status : ROUTER_ERRORS) {
            router.errorHandler(status, this::failure);
        }
    }

    void guard(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > config.maxUriLength()) {
            problem(ctx, 414, "The request target (path and query) is longer than " + config.maxUriLength() + " bytes", false);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderSize().asLongValue()) {
            problem(ctx, 431, "The request headers are larger than " + config.maxHeaderSize().asLongValue() + " bytes", false);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isLong(length) && Long.parseLong(length) > maxBodySize.asLongValue()) {
            problem(ctx, 413, "The request body is larger than " + maxBodySize.asLongValue() + " bytes", true);
            return;
        }
        boolean body = (length != null && !length.equals("0")) || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        String charset = body ? charset(request.getHeader(HttpHeaders.CONTENT_TYPE)) : null;
        if (charset != null && !charset.equals("utf-8")) {
            problem(ctx, 415, "Send the body in UTF-8: charset " + charset + " is not accepted", true);
            return;
        }
        if (request.headers().contains(HttpHeaders.AUTHORIZATION)) {
            HttpServerResponse response = ctx.response();
            ctx.addHeadersEndHandler(v -> {
                if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                    response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        }
        if (body && request.version() != HttpVersion.HTTP_2) {
            unreadBody(ctx);
        }
        if (length == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING) && !form(request)) {
            buffer(ctx);
            return;
        }
        ctx.next();
    }

    /**
     * An answer given before the request's body has been read (a multipart body over the limit, which the REST
     * layer's form parser refuses with 413 and then stops reading; an answer of the security layer): the connection
     * is closed after it ({@code Connection: close}). Until then the rest of the body is read and dropped, up to the
     * body limit and for at most {@link #DRAIN_MILLIS}, so that a client that reads its answer only once it has sent
     * the whole body gets it; past those it is closed at once. Unread, the body would stall the connection: the
     * client blocked on sending, the server holding the connection open for good.
     */
    private void unreadBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        ctx.addHeadersEndHandler(v -> {
            if (!request.isEnded()) {
                response.headers().set(HttpHeaders.CONNECTION, "close");
            }
        });
        ctx.addEndHandler(v -> {
            if (request.isEnded()) {
                return;
            }
            long max = maxBodySize.asLongValue();
            long[] dropped = { 0 };
            long timer = ctx.vertx().setTimer(DRAIN_MILLIS, t -> request.connection().close());
            Runnable close = () -> {
                ctx.vertx().cancelTimer(timer);
                request.connection().close();
            };
            try {
                request.handler(data -> {
                    dropped[0] += data.length();
                    if (dropped[0] > max) {
                        close.run();
                    }
                });
                request.endHandler(end -> close.run());
                request.exceptionHandler(e -> close.run());
                request.resume();
            } catch (IllegalStateException e) {
                // the request was read to its end meanwhile
                close.run();
            }
        });
    }

    /**
     * Multipart and form bodies stream to the REST layer's form parser, which checks its own limits: it parses a
     * buffered body on another thread while being told the body has ended, so it cannot be handed one.
     */
    private static boolean form(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return t.startsWith("multipart/") || t.startsWith("application/x-www-form-urlencoded");
    }

    /**
     * A JSON or other body of unannounced length (chunked) is read here, up to the limit, and handed to the REST
     * layer, which reads a buffered body as it is. Past the limit: 413 as a problem document (the REST layer's own
     * stream reader would answer an empty 413).
     */
    void buffer(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long max = maxBodySize.asLongValue();
        Buffer body = Buffer.buffer();
        boolean[] refused = { false };
        request.handler(data -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) data.length() > max) {
                refused[0] = true;
                problem(ctx, 413, "The request body is larger than " + max + " bytes", true);
                return;
            }
            body.appendBuffer(data);
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                ((RoutingContextInternal) ctx).setBody(body);
                ctx.next();
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
                && request.version() == HttpVersion.HTTP_1_1) {
            ctx.response().writeContinue();
        }
        request.resume();
    }

    /** The charset parameter of a Content-Type, lower case without quotes; null when there is none. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String value = param.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean isLong(String s) {
        return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }

    /** Every failure the routes did not answer themselves, and every status the router answers on its own. */
    void failure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            if (!ctx.response().ended()) {
                ctx.response().reset();
            }
            return;
        }
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        if (failure instanceof AuthenticationRedirectException redirect) {
            // the web console's sign-in (OIDC code flow): to the provider's login page, or back to the page after it
            ctx.response().setStatusCode(redirect.getCode()).putHeader(HttpHeaders.LOCATION, redirect.getRedirectUri())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
            return;
        }
        if (failure instanceof HttpException he) {
            status = he.getStatusCode();
        } else if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException
                || failure instanceof AuthenticationCompletionException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            status = 401;
        } else if (failure instanceof ForbiddenException) {
            status = 403;
        } else if (failure != null) {
            status = 500;
        }
        if (status < 400 || status > 599) {
            status = 500;
        }
        if (status >= 500) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(failure, "Unexpected error %s (HTTP %d on %s %s)", errorId, status, ctx.request().method(),
                    ctx.request().path());
            write(ctx, ProblemMappers.simple(500, "internal", "Internal error",
                    "An unexpected error occurred; quote error id " + errorId + " to the operators"), false);
            return;
        }
        problem(ctx, status, detail(status), status == 413);
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read";
            case 401 -> "Send a valid bearer token from the identity provider";
            case 403 -> "Your token does not carry a role that may call this operation";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "The requested media type is not available";
            case 413 -> "The request body is too large";
            case 414 -> "The request target is too long";
            case 415 -> "The body's media type is not accepted here";
            case 431 -> "The request headers are too large";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        };
    }

    static void problem(RoutingContext ctx, int status, String detail, boolean closeAfter) {
        write(ctx, ProblemMappers.simple(status, "http-" + status, HttpResponseStatus.valueOf(status).reasonPhrase(),
                detail), closeAfter);
    }

    /**
     * Writes the problem document. With closeAfter, on HTTP/1.x the connection is closed once it is sent: the client
     * may still be sending a body that will not be read.
     */
    static void write(RoutingContext ctx, Problem problem, boolean closeAfter) {
        HttpServerResponse response = ctx.response();
        JsonObject body = new JsonObject().put("type", problem.type()).put("title", problem.title())
                .put("status", problem.status()).put("detail", problem.detail());
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.CONTENT_DISPOSITION);
        boolean close = closeAfter && ctx.request().version() != HttpVersion.HTTP_2;
        if (close) {
            headers.set(HttpHeaders.CONNECTION, "close");
            response.endHandler(v -> ctx.request().connection().close());
        }
        response.setStatusCode(problem.status()).end(body.encode());
    }
}
