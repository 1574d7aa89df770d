package dev.opengallery.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * A TCP proxy between the service and one of its dependencies, so that a test can take the dependency away
 * without touching it: {@link #refuse()} stops listening and drops every open connection (connection refused,
 * connection closed), {@link #reset()} accepts connections and closes them at once, {@link #pass()} forwards again.
 * For PostgreSQL it can also cut a connection at the moment a transaction commits ({@link #cutAtNextCommit}) or
 * right after the commit was answered ({@link #refuseAfterNextCommit}).
 */
public final class TcpProxy {

    public enum Mode {
        PASS, REFUSE, RESET
    }

    /** PostgreSQL simple query messages ('Q', length, text, zero) that start and end a transaction. */
    private static final byte[] BEGIN = { 'Q', 0, 0, 0, 10, 'B', 'E', 'G', 'I', 'N', 0 };
    private static final byte[] COMMIT = { 'Q', 0, 0, 0, 11, 'C', 'O', 'M', 'M', 'I', 'T', 0 };

    private enum Arm {
        NONE, CUT_AT_BEGIN, CUT_FORWARDING_COMMIT, CUT_DROPPING_COMMIT, REFUSE_AFTER_COMMIT
    }

    private final Vertx vertx;
    private final int port;
    private final String upstreamHost;
    private final int upstreamPort;
    private final NetClient client;
    private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Arm> armed = new AtomicReference<>(Arm.NONE);
    private volatile Mode mode = Mode.REFUSE;
    private volatile NetServer server;

    public TcpProxy(Vertx vertx, int port, String upstreamHost, int upstreamPort) {
        this.vertx = vertx;
        this.port = port;
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.client = vertx.createNetClient();
    }

    public int port() {
        return port;
    }

    public Mode mode() {
        return mode;
    }

    /** Forwards connections. */
    public synchronized void pass() {
        mode = Mode.PASS;
        listen();
    }

    /** Drops every open connection and stops listening: new connections are refused. */
    public synchronized void refuse() {
        mode = Mode.REFUSE;
        dropAll();
        stopListeningIfRefusing();
    }

    private synchronized void stopListeningIfRefusing() {
        NetServer s = server;
        if (mode == Mode.REFUSE && s != null) {
            server = null;
            await(s.close());
        }
    }

    /** Drops every open connection; new ones are accepted and closed at once. */
    public synchronized void reset() {
        mode = Mode.RESET;
        listen();
        dropAll();
    }

    /** The next BEGIN cuts its connection: the transaction fails before it has done anything. */
    public void cutAtNextBegin() {
        armed.set(Arm.CUT_AT_BEGIN);
    }

    /**
     * The next COMMIT cuts its connection: forwarded to the server first (so it commits, but the answer never
     * comes back) or dropped (so the transaction rolls back). Either way the client cannot know which.
     */
    public void cutAtNextCommit(boolean forwarded) {
        armed.set(forwarded ? Arm.CUT_FORWARDING_COMMIT : Arm.CUT_DROPPING_COMMIT);
    }

    /** The next COMMIT goes through and is answered; then every connection is dropped and new ones refused. */
    public void refuseAfterNextCommit() {
        armed.set(Arm.REFUSE_AFTER_COMMIT);
    }

    /** Forgets a cut that has not happened yet. */
    public void disarm() {
        armed.set(Arm.NONE);
    }

    /** Whether an armed cut has happened. */
    public boolean cutDone() {
        return armed.get() == Arm.NONE;
    }

    public void close() {
        refuse();
        await(client.close());
    }

    private void listen() {
        if (server != null) {
            return;
        }
        NetServer s = vertx.createNetServer().connectHandler(this::accepted);
        await(s.listen(port, "127.0.0.1"));
        server = s;
    }

    private void dropAll() {
        for (NetSocket s : open) {
            s.close();
        }
        open.clear();
    }

    private void accepted(NetSocket downstream) {
        if (mode != Mode.PASS) {
            downstream.close();
            return;
        }
        downstream.pause();
        open.add(downstream);
        client.connect(upstreamPort, upstreamHost).onComplete(ar -> {
            if (ar.failed() || mode != Mode.PASS || !open.contains(downstream)) {
                downstream.close();
                if (ar.succeeded()) {
                    ar.result().close();
                }
                open.remove(downstream);
                return;
            }
            NetSocket upstream = ar.result();
            open.add(upstream);
            boolean[] commitSent = { false };
            downstream.handler(data -> {
                if (armed.get() == Arm.CUT_AT_BEGIN && contains(data, BEGIN)
                        && armed.compareAndSet(Arm.CUT_AT_BEGIN, Arm.NONE)) {
                    downstream.close();
                    upstream.close();
                    return;
                }
                if (armed.get() != Arm.NONE && contains(data, COMMIT)) {
                    Arm arm = armed.get();
                    if (arm == Arm.CUT_FORWARDING_COMMIT && armed.compareAndSet(arm, Arm.NONE)) {
                        // PostgreSQL reads the COMMIT before it sees the connection end: it commits
                        upstream.write(data);
                        downstream.close();
                        return;
                    }
                    if (arm == Arm.CUT_DROPPING_COMMIT && armed.compareAndSet(arm, Arm.NONE)) {
                        downstream.close();
                        upstream.close();
                        return;
                    }
                    if (arm == Arm.REFUSE_AFTER_COMMIT) {
                        commitSent[0] = true;
                    }
                }
                upstream.write(data);
            });
            upstream.handler(data -> {
                downstream.write(data);
                if (commitSent[0] && armed.compareAndSet(Arm.REFUSE_AFTER_COMMIT, Arm.NONE)) {
                    // at once, before the client can send anything else: connections dropped, new ones closed
                    mode = Mode.REFUSE;
                    dropAll();
                    vertx.executeBlocking(() -> {
                        stopListeningIfRefusing();
                        return null;
                    });
                }
            });
            downstream.closeHandler(v -> {
                upstream.close();
                open.remove(downstream);
            });
            upstream.closeHandler(v -> {
                downstream.close();
                open.remove(upstream);
            });
            downstream.exceptionHandler(e -> downstream.close());
            upstream.exceptionHandler(e -> upstream.close());
            downstream.resume();
        });
    }

    static boolean contains(Buffer data, byte[] pattern) {
        byte[] bytes = data.getBytes();
        outer: for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("TCP proxy: " + e, e);
        }
    }
}
