package dev.opengallery.core;

import java.time.Duration;

/**
 * The retry rule every outbox uses (notifications, compute events): wait 30 s after the first failed attempt,
 * doubling after each further one, never more than 1 hour.
 */
public final class Backoff {

    static final Duration BASE = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofHours(1);

    private Backoff() {
    }

    public static Duration after(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 20));
        Duration d = BASE.multipliedBy(1L << doublings);
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
