package dev.opengallery.core;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * At most {@code permits} operations running at once, the others waiting their turn first come, first served, and at
 * most {@code maxWaiting} of them: one more is refused at once with a 503 problem (Retry-After 1 s) instead of
 * waiting without end. Non-blocking: a waiting operation holds no thread; it starts on its own Vert.x context when a
 * running one ends (with an item, a failure or a cancellation).
 *
 * <p>
 * Why: a database server shares its cores among the statements it runs. Sixteen heavy statements at once on two
 * cores each take about eight times longer, so one slow search delays everyone's answer; the same statements run a
 * few at a time finish as fast as alone and the others wait only for the queue ahead of them (measured in the search
 * benchmark, see README). Plain Java with no framework in it but Mutiny and Vert.x, so that its unit test needs no
 * service.
 */
public final class ConcurrencyGate {

    private final String what;
    private final int permits;
    private final int maxWaiting;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    public ConcurrencyGate(String what, int permits, int maxWaiting) {
        if (permits < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("permits must be at least 1 and maxWaiting at least 0");
        }
        this.what = what;
        this.permits = permits;
        this.maxWaiting = maxWaiting;
    }

    /** Runs the operation when a permit is free (at once if one is), or fails with a 503 when the queue is full. */
    public <T> Uni<T> run(Supplier<Uni<T>> operation) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            AtomicBoolean gone = new AtomicBoolean();
            Runnable start = () -> start(operation, emitter, gone);
            boolean now;
            synchronized (this) {
                if (running < permits) {
                    running++;
                    now = true;
                } else if (waiting.size() < maxWaiting) {
                    Runnable onItsContext = context == null ? start : () -> context.runOnContext(v -> start.run());
                    waiting.add(onItsContext);
                    // a caller gone while waiting leaves the queue
                    emitter.onTermination(() -> {
                        gone.set(true);
                        synchronized (this) {
                            waiting.remove(onItsContext);
                        }
                    });
                    now = false;
                } else {
                    emitter.fail(busy());
                    return;
                }
            }
            if (now) {
                start.run();
            }
        });
    }

    private <T> void start(Supplier<Uni<T>> operation, UniEmitter<? super T> emitter, AtomicBoolean gone) {
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                release();
            }
        };
        if (gone.get()) { // cancelled between leaving the queue and starting
            release.run();
            return;
        }
        Uni<T> uni;
        try {
            uni = operation.get();
        } catch (RuntimeException e) {
            release.run();
            emitter.fail(e);
            return;
        }
        var cancellable = uni.subscribe().with(item -> {
            release.run();
            emitter.complete(item);
        }, failure -> {
            release.run();
            emitter.fail(failure);
        });
        emitter.onTermination(() -> {
            if (!released.get()) {
                cancellable.cancel();
                release.run();
            }
        });
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
                return;
            }
            // the permit passes straight to the next in line
        }
        next.run();
    }

    private ProblemException busy() {
        return new ProblemException(503, "busy", "Too busy", "Too many " + what + " are waiting; retry in a second",
                null, null).retryAfter(1);
    }

    /** Operations running now (for tests and metrics). */
    public synchronized int running() {
        return running;
    }

    /** Operations waiting for a permit now. */
    public synchronized int waiting() {
        return waiting.size();
    }
}
