package dev.opengallery.supervision;

import java.time.Duration;
import java.time.Instant;

/**
 * How often the buyer may remind the seller: at most once per interval (24 hours). The one definition for the
 * reminder itself ({@link ServiceFlow#remind}) and for what the flow's reader may do now ({@link FlowQueries}).
 * Plain Java.
 */
public final class ReminderPolicy {

    private ReminderPolicy() {
    }

    /** When the next reminder may be sent after the last one (null: none sent yet, one may be sent now). */
    public static Instant next(Instant lastRemindedAt, Duration interval) {
        return lastRemindedAt == null ? null : lastRemindedAt.plus(interval);
    }

    /** Whether a reminder may be sent {@code now} (the state machine decides whether reminding is a move at all). */
    public static boolean allowed(Instant lastRemindedAt, Instant now, Duration interval) {
        Instant next = next(lastRemindedAt, interval);
        return next == null || !now.isBefore(next);
    }

    /** The next reminder's time to show, or null when one may be sent already (or none was sent). */
    public static Instant pending(Instant lastRemindedAt, Instant now, Duration interval) {
        Instant next = next(lastRemindedAt, interval);
        return next != null && next.isAfter(now) ? next : null;
    }
}
