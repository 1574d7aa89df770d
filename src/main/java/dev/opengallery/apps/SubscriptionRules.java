package dev.opengallery.apps;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.opengallery.catalog.BillingMode;

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
    public static final List<AppStatus> LIVE = List.of(AppStatus.ACTIVE, AppStatus.GRACE, AppStatus.RETENTION);

    /**
     * The expiry of a periodic app bought from {@code start} for {@code periods} periods in all, counted from the
     * start so that month ends do not drift; null for what does not expire (one-time, pay-per-use).
     */
    public static OffsetDateTime expiry(OffsetDateTime start, BillingMode mode, int periods) {
        return switch (mode) {
            case YEARLY -> start.plusYears(periods);
            case MONTHLY -> start.plusMonths(periods);
            default -> null;
        };
    }

    /** The state an app is opened in, and the state a renewal leaves it in. */
    public static final AppStatus OPENED = AppStatus.ACTIVE;

    public static boolean live(AppStatus s) {
        return LIVE.contains(s);
    }

    /** The expiry steps of a yearly/monthly app, in order: each moves {@code from} to {@code to} when it is due. */
    public enum Expiry {
        GRACE(AppStatus.ACTIVE, AppStatus.GRACE), RETENTION(AppStatus.GRACE, AppStatus.RETENTION),
        RELEASED(AppStatus.RETENTION, AppStatus.RELEASED);

        public final AppStatus from;
        public final AppStatus to;

        Expiry(AppStatus from, AppStatus to) {
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
    public static String renewalRefusal(AppStatus s) {
        return live(s) ? null : "The app is " + s + (s == AppStatus.RELEASED ? ": it was released after its retention period" : "")
                + "; it can no longer be renewed";
    }

    /** Why the app cannot be upgraded or expanded, or null when it can. */
    public static String changeRefusal(AppStatus s) {
        return s == AppStatus.ACTIVE ? null : "The app is " + s + ": only an ACTIVE app can be upgraded or expanded";
    }

    /** Why the app cannot be unsubscribed, or null when it can. */
    public static String unsubscribeRefusal(AppStatus s) {
        return live(s) ? null : "The app is " + s + ": it can no longer be unsubscribed";
    }

    /** Whether canceling the app's order ends the app (an unsubscribed app stays so). */
    public static boolean cancelable(AppStatus s) {
        return s != AppStatus.UNSUBSCRIBED && s != AppStatus.CANCELED;
    }

    /** The states canceling the app's order moves to CANCELED. */
    public static final List<AppStatus> CANCELABLE = java.util.Arrays.stream(AppStatus.values())
            .filter(SubscriptionRules::cancelable).toList();

    /** Why the app's application information cannot change, or null when it can. */
    public static String applicationInfoRefusal(AppStatus s) {
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
