package dev.opengallery.catalog.opensearch;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether to ask OpenSearch now, after a failure (plain Java): once a request failed, searches go straight to
 * PostgreSQL for the cool-down ({@code opengallery.search.opensearch.cool-down}, 5 s), so a dead cluster is not asked
 * (and waited for) by every search; then one search tries OpenSearch again (the others keep going to PostgreSQL for
 * another cool-down), and its success ends the outage for all. It also says when to log: a warning when the state
 * changes and at most once a minute while it lasts, never per request.
 * <p>
 * Measured on a monotonic clock ({@code System.nanoTime}), not the service's {@code AppClock}: a cool-down is elapsed
 * time of this process, not business time (tests move the service clock by days).
 */
final class CoolDown {

    /** While an outage lasts, a warning at most this often. */
    static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final long coolDown;
    private final LongSupplier nanos;

    private boolean down;
    private FallbackReason reason;
    private long retryAt;
    private long warnedAt;
    private long failures;

    CoolDown(Duration coolDown, LongSupplier nanos) {
        this.coolDown = coolDown.toNanos();
        this.nanos = nanos;
    }

    /**
     * Null when OpenSearch may be asked now (it is up, or this request is the one trying again after the cool-down);
     * else why PostgreSQL answers (the reason of the failure that started the cool-down).
     */
    synchronized FallbackReason skip() {
        if (!down) {
            return null;
        }
        long now = nanos.getAsLong();
        if (now - retryAt >= 0) {
            retryAt = now + coolDown;
            return null;
        }
        return reason;
    }

    /** A request failed: the cool-down starts (again). True when this failure is to be logged as a warning. */
    synchronized boolean failed(FallbackReason why) {
        long now = nanos.getAsLong();
        boolean changed = !down || reason != why;
        down = true;
        reason = why;
        failures++;
        retryAt = now + coolDown;
        if (changed || now - warnedAt >= WARN_EVERY.toNanos()) {
            warnedAt = now;
            return true;
        }
        return false;
    }

    /** A request succeeded. True when it ends an outage (to be logged once). */
    synchronized boolean succeeded() {
        boolean recovered = down;
        down = false;
        reason = null;
        failures = 0;
        return recovered;
    }

    /** Failed requests since OpenSearch last answered. */
    synchronized long failures() {
        return failures;
    }

    synchronized boolean down() {
        return down;
    }
}
