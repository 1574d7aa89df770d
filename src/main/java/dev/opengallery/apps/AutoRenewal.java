package dev.opengallery.apps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A purchased app's automatic renewal (part of {@link Subscription}, in the same row): whether it is on, for how many
 * periods, and the record of failed attempts (how many, the last reason, when the job may try again). Changed only
 * through {@link Subscription}, which first asks {@link SubscriptionRules} whether the app can still renew.
 */
@Embeddable
public class AutoRenewal {

    @Column(name = "auto_renew")
    boolean autoRenew;

    @Column(name = "auto_renew_periods")
    Integer autoRenewPeriods;

    @Column(name = "auto_renew_next_try")
    OffsetDateTime autoRenewNextTry;

    @Column(name = "auto_renew_failures")
    int autoRenewFailures;

    @Column(name = "auto_renew_error", columnDefinition = "text")
    String autoRenewError;

    /** On (or its periods changed), with a clean record of failures. */
    void enable(int periods) {
        autoRenew = true;
        autoRenewPeriods = periods;
        clearFailures();
    }

    /** Off; answers whether it was on. */
    boolean disable() {
        if (!autoRenew) {
            return false;
        }
        autoRenew = false;
        autoRenewNextTry = null;
        return true;
    }

    /** Off for good (the app was unsubscribed), keeping the record. */
    void stop() {
        autoRenew = false;
    }

    /** A renewal went through: no failures pending. */
    void clearFailures() {
        autoRenewNextTry = null;
        autoRenewFailures = 0;
        autoRenewError = null;
    }

    /**
     * Records a failed automatic renewal, once per attempt however many replicas try: only while it is on and its
     * retry time has come. Answers whether it was recorded.
     */
    boolean failed(String why, Instant now, Instant nextTry) {
        if (!autoRenew || (autoRenewNextTry != null && autoRenewNextTry.toInstant().isAfter(now))) {
            return false;
        }
        autoRenewFailures++;
        autoRenewError = why;
        autoRenewNextTry = nextTry.atOffset(ZoneOffset.UTC);
        return true;
    }

    boolean on() {
        return autoRenew;
    }

    Integer periods() {
        return autoRenewPeriods;
    }

    OffsetDateTime nextTry() {
        return autoRenewNextTry;
    }

    int failures() {
        return autoRenewFailures;
    }

    String error() {
        return autoRenewError;
    }
}
