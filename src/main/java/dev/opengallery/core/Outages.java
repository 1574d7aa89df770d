package dev.opengallery.core;

import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Outages of what requests depend on: PostgreSQL and the identity provider. {@link #classify} recognises their
 * failures (connection refused, reset or closed, the pool closed, connect timeouts, the server shutting down;
 * the identity provider unreachable while a token must be verified), which {@link ProblemMappers} answers with 503
 * and {@code Retry-After} instead of 500. Each outage is logged once: a WARN when the first request fails, an INFO
 * (with how many requests were answered 503 meanwhile) when a signed-in request succeeds again.
 * <p>
 * Placing and paying run their transaction through {@link #transaction}, which records how far it got, so that a
 * failure can tell "nothing was done" from "it may have been, or was, carried out" (and the same Idempotency-Key
 * replays the answer).
 */
@ApplicationScoped
public class Outages {

    /** Seconds a client is asked to wait before retrying (the {@code Retry-After} header). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(Outages.class);

    /** PostgreSQL error codes of a server that is going away or not accepting connections. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03", "53300");

    private static final String PROGRESS = "opengallery.transaction.progress";

    public enum Dependency {
        DATABASE("The database"), IDENTITY_PROVIDER("The identity provider");

        final String label;

        Dependency(String label) {
            this.label = label;
        }
    }

    /** How far a request's transaction got: whether the request has an Idempotency-Key, and whether it committed. */
    record Progress(boolean keyed, boolean committed) {
    }

    /**
     * The connection failed while a request's transaction was committing: it may or may not have been carried out.
     * With an Idempotency-Key a retry tells (it replays the answer, or does it now).
     */
    public static final class OutcomeUnknown extends RuntimeException {
        final boolean keyed;

        public OutcomeUnknown(Throwable cause, boolean keyed) {
            super("The connection failed while committing", cause, false, false);
            this.keyed = keyed;
        }
    }

    private record Down(long since, LongAdder answered, LongAdder unknown) {
    }

    private final Map<Dependency, Down> down = new ConcurrentHashMap<>();

    /** Which dependency's outage made this fail, or null when it is not an outage. */
    public static Dependency classify(Throwable e) {
        boolean authenticating = false;
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof OIDCException && t.getMessage() != null && t.getMessage().contains("not available")) {
                return Dependency.IDENTITY_PROVIDER; // quarkus-oidc could not reach it to set up token verification
            }
            if (t instanceof AuthenticationFailedException || t instanceof OIDCException) {
                authenticating = true;
            }
            if (t instanceof ClosedConnectionException) {
                return Dependency.DATABASE;
            }
            if (t instanceof PgException pg) {
                String state = pg.getSqlState() == null ? "" : pg.getSqlState();
                return state.startsWith("08") || SERVER_GOING_AWAY.contains(state) ? Dependency.DATABASE : null;
            }
            if (unreachable(t)) {
                return authenticating ? Dependency.IDENTITY_PROVIDER : Dependency.DATABASE;
            }
        }
        return null;
    }

    /** A network failure: refused, reset, closed, unresolvable, timed out, or a closed connection pool. */
    static boolean unreachable(Throwable t) {
        if (t instanceof SocketException || t instanceof UnknownHostException || t instanceof ClosedChannelException
                || t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException) {
            return true; // ConnectException, netty's connect timeout and "connection reset" are SocketExceptions too
        }
        String type = t.getClass().getName();
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (type.equals("io.netty.channel.unix.Errors$NativeIoException")) {
            return true; // reset by peer, broken pipe on the native transport
        }
        if (type.equals("io.vertx.core.VertxException") || type.equals("io.vertx.core.impl.NoStackTraceThrowable")
                || type.equals("io.vertx.core.http.HttpClosedException")) {
            return message.contains("closed") || message.contains("Closed") || message.contains("not active")
                    || message.startsWith("Timeout");
        }
        return false;
    }

    /** Records a request answered 503 for that dependency; the first one of an outage is logged. */
    public void failed(Dependency dependency, Throwable e, boolean outcomeUnknown) {
        Down fresh = new Down(System.nanoTime(), new LongAdder(), new LongAdder());
        Down current = down.putIfAbsent(dependency, fresh);
        if (current == null) {
            current = fresh;
            LOG.warnf("%s cannot be reached: requests that need it are answered 503 (Retry-After %d s) until one "
                    + "succeeds again. First failure: %s", dependency.label, RETRY_AFTER_SECONDS, summary(e));
        }
        current.answered().increment();
        if (outcomeUnknown) {
            current.unknown().increment();
        }
    }

    /** A signed-in request succeeded: the identity provider verified its token and the database answered. */
    public void succeeded() {
        OutageLogFilter.reset();
        if (down.isEmpty()) {
            return;
        }
        for (Dependency d : Dependency.values()) {
            Down ended = down.remove(d);
            if (ended != null) {
                LOG.infof("%s is reachable again after %.1f s; %d requests were answered 503 meanwhile%s",
                        d.label, (System.nanoTime() - ended.since()) / 1e9, ended.answered().sum(),
                        ended.unknown().sum() == 0 ? ""
                                : " (" + ended.unknown().sum() + " of them cut off during or after COMMIT: "
                                        + "answered outcome-unknown)");
            }
        }
    }

    private static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    // ------------------------------------------------------------- how far a request's transaction got

    /**
     * Runs a request's transaction, noting on the request's Vert.x context how far it got, so that an outage's
     * answer can be exact: failing before COMMIT, nothing was done; failing during COMMIT, it may have been done
     * ({@link OutcomeUnknown}); failing after it (reading the answer), it was done. {@code keyed}: the request has
     * an Idempotency-Key, which makes a retry safe.
     */
    public static <T> Uni<T> transaction(Db db, boolean keyed, Function<Tx, Uni<T>> work) {
        Context request = Vertx.currentContext();
        boolean tracked = request != null && VertxContext.isDuplicatedContext(request);
        if (tracked) {
            request.putLocal(PROGRESS, new Progress(keyed, false));
        }
        AtomicBoolean committing = new AtomicBoolean();
        return db.transaction(conn -> work.apply(conn).invoke(() -> committing.set(true)))
                .onFailure(e -> committing.get() && classify(e) == Dependency.DATABASE)
                .transform(e -> new OutcomeUnknown(e, keyed))
                .invoke(() -> {
                    if (tracked) {
                        request.putLocal(PROGRESS, new Progress(keyed, true));
                    }
                });
    }

    /** How far the current request's transaction got, or null when none was started (or it is not known). */
    static Progress progress() {
        Context request = Vertx.currentContext();
        return request == null || !VertxContext.isDuplicatedContext(request) ? null : request.getLocal(PROGRESS);
    }
}
