package dev.opengallery.offers;

import java.time.Instant;

import dev.opengallery.core.ProblemException;

/**
 * A private offer's status moves as a plain rule.
 *
 * <pre>
 * CLAIM     ACTIVE (not expired) -> USED       (the order that uses it, in the order's transaction)
 * RELEASE   USED                 -> ACTIVE     (that order was canceled before payment: the offer can be used again)
 * WITHDRAW  ACTIVE               -> WITHDRAWN  (the seller)
 * </pre>
 *
 * EXPIRED is never stored: an ACTIVE offer whose expiry has passed is shown EXPIRED and cannot be claimed.
 */
public final class OfferLifecycle {

    public enum Status {
        ACTIVE, USED, WITHDRAWN
    }

    /** The status shown where an ACTIVE offer past its expiry is EXPIRED. */
    public static final String EXPIRED = "EXPIRED";

    private OfferLifecycle() {
    }

    /** The status a customer or seller sees. */
    public static String shown(Status status, Instant expiresAt, Instant now) {
        return status == Status.ACTIVE && !expiresAt.isAfter(now) ? EXPIRED : status.name();
    }

    /** Whether an order may use the offer now. */
    public static boolean usable(Status status, Instant expiresAt, Instant now) {
        return status == Status.ACTIVE && expiresAt.isAfter(now);
    }

    /** An order placed through the offer's link or the offers list: refused unless the offer can be used now. */
    public static void checkUsable(Status status, Instant expiresAt, Instant now) {
        if (status != Status.ACTIVE) {
            throw ProblemException.illegalState("The offer is " + status, status.name());
        }
        if (!expiresAt.isAfter(now)) {
            throw ProblemException.unprocessable("The offer expired at " + expiresAt);
        }
    }

    /** CLAIM: the order takes the offer; another order that got it first (or its expiry) refuses this one. */
    public static Status claim(Status status, Instant expiresAt, Instant now) {
        if (!usable(status, expiresAt, now)) {
            throw ProblemException.conflict("The offer was just used by another order");
        }
        return Status.USED;
    }

    /** RELEASE: a USED offer becomes ACTIVE again; any other status stays as it is (null: nothing to do). */
    public static Status release(Status status) {
        return status == Status.USED ? Status.ACTIVE : null;
    }

    /** WITHDRAW: only an unused offer (expired or not) can be withdrawn. */
    public static Status withdraw(Status status, Instant expiresAt, Instant now) {
        if (status != Status.ACTIVE) {
            String shown = shown(status, expiresAt, now);
            throw ProblemException.illegalState("Only an unused offer can be withdrawn; this one is " + shown, shown);
        }
        return Status.WITHDRAWN;
    }
}
