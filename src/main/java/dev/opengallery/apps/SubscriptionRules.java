package dev.opengallery.apps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.opengallery.apps.Subscription.Status;

/**
 * The states of a purchased app and the moves between them, as plain functions the {@link Subscription} aggregate
 * and the set-based lifecycle job ({@link SubscriptionExpiry}) ask.
 *
 * <ul>
 * <li>A paid order opens the app ACTIVE; canceling the order makes it CANCELED (from any state but UNSUBSCRIBED).</li>
 * <li>Yearly/monthly apps: ACTIVE becomes GRACE at its expiry, RETENTION after the grace period, RELEASED after the
 * retention period ({@link Expiry}); RELEASED turns auto-renewal off.</li>
 * <li>A live app (ACTIVE, GRACE, RETENTION) can be renewed (it is ACTIVE again), change its auto-renewal, be
 * unsubscribed (UNSUBSCRIBED) and carry new application information; an ACTIVE one can be upgraded or expanded.</li>
 * <li>Application information (SaaS only): username and management URL are required, and the password, the first
 * time; later, any field left out keeps what was supplied.</li>
 * </ul>
 */
public final class SubscriptionRules {

    private SubscriptionRules() {
    }

    /** The states a purchased app can still be renewed, changed and unsubscribed in. */
    public static final List<Status> LIVE = List.of(Status.ACTIVE, Status.GRACE, Status.RETENTION);

    /** The state an app is opened in, and the state a renewal leaves it in. */
    public static final Status OPENED = Status.ACTIVE;

    public static boolean live(Status s) {
        return LIVE.contains(s);
    }

    /** The expiry steps of a yearly/monthly app, in order: each moves {@code from} to {@code to} when it is due. */
    public enum Expiry {
        GRACE(Status.ACTIVE, Status.GRACE), RETENTION(Status.GRACE, Status.RETENTION),
        RELEASED(Status.RETENTION, Status.RELEASED);

        public final Status from;
        public final Status to;

        Expiry(Status from, Status to) {
            this.from = from;
            this.to = to;
        }

        /** How long after the expiry the step is due. */
        public Duration after(Duration grace, Duration retention) {
            return switch (this) {
                case GRACE -> Duration.ZERO;
                case RETENTION -> grace;
                case RELEASED -> grace.plus(retention);
            };
        }

        /** Whether auto-renewal stays on after the step. */
        public boolean keepsAutoRenewal() {
            return this != RELEASED;
        }
    }

    /** Why the app cannot be renewed (or change its renewal), or null when it can. */
    public static String renewalRefusal(Status s) {
        return live(s) ? null : "The app is " + s + (s == Status.RELEASED ? ": it was released after its retention period" : "")
                + "; it can no longer be renewed";
    }

    /** Why the app cannot be upgraded or expanded, or null when it can. */
    public static String changeRefusal(Status s) {
        return s == Status.ACTIVE ? null : "The app is " + s + ": only an ACTIVE app can be upgraded or expanded";
    }

    /** Why the app cannot be unsubscribed, or null when it can. */
    public static String unsubscribeRefusal(Status s) {
        return live(s) ? null : "The app is " + s + ": it can no longer be unsubscribed";
    }

    /** Whether canceling the app's order ends the app (an unsubscribed app stays so). */
    public static boolean cancelable(Status s) {
        return s != Status.UNSUBSCRIBED && s != Status.CANCELED;
    }

    /** The states canceling the app's order moves to CANCELED. */
    public static final List<Status> CANCELABLE = java.util.Arrays.stream(Status.values())
            .filter(SubscriptionRules::cancelable).toList();

    /** Why the app's application information cannot change, or null when it can. */
    public static String applicationInfoRefusal(Status s) {
        return live(s) ? null : "The app is " + s + ": its application information can no longer change";
    }

    /** Application information after a supply: each field left out (null or blank) keeps what was stored. */
    public record AppInfo(String username, boolean passwordSet, String managementUrl, String frontendUrl,
            String guideUrl) {
    }

    /** One missing field of a supply: the field and why. */
    public record Missing(String field, String message) {
    }

    /**
     * What a supply leaves: {@code stored} with every field the seller gave replaced (blank counts as left out).
     * The result is complete when {@link #missing} finds nothing.
     */
    public static AppInfo merge(AppInfo stored, String username, boolean newPassword, String managementUrl,
            String frontendUrl, String guideUrl) {
        return new AppInfo(pick(username, stored.username()), newPassword || stored.passwordSet(),
                pick(managementUrl, stored.managementUrl()), pick(frontendUrl, stored.frontendUrl()),
                pick(guideUrl, stored.guideUrl()));
    }

    /** The fields a supply must still give: username and management URL always, the password the first time. */
    public static List<Missing> missing(AppInfo merged) {
        List<Missing> out = new ArrayList<>();
        if (merged.username() == null) {
            out.add(new Missing("username", "is required with the application information"));
        }
        if (merged.managementUrl() == null) {
            out.add(new Missing("managementUrl", "is required with the application information"));
        }
        if (!merged.passwordSet()) {
            out.add(new Missing("password", "is required the first time the application information is supplied"));
        }
        return out;
    }

    private static String pick(String given, String stored) {
        return given == null || given.isBlank() ? stored : given.trim();
    }

    /** The outcome of one password reveal attempt (every attempt is audited with it). */
    public enum Reveal {
        REVEALED, RATE_LIMITED, NOT_SET
    }

    /** At most {@code limit} reveals per window: {@code used} is how many the window already holds. */
    public static Reveal reveal(boolean passwordSet, long used, int limit) {
        return !passwordSet ? Reveal.NOT_SET : used >= limit ? Reveal.RATE_LIMITED : Reveal.REVEALED;
    }
}
