package dev.opengallery.apps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.Problem;
import dev.opengallery.core.ProblemException;

/** The purchased-app aggregate's moves and the rules they ask, without a database. */
class SubscriptionTest {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final byte[] SEALED = {1, 2, 3};

    static Subscription app(ProductType type, BillingMode mode) {
        return Subscription.open(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), type, mode, 1, 2, BigDecimal.ONE, new BigDecimal("600.00"), START, true, null);
    }

    static int status(Runnable r) {
        return assertThrows(ProblemException.class, r::run).status();
    }

    static List<String> fields(Runnable r) {
        Problem p = assertThrows(ProblemException.class, r::run).toProblem();
        return p.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aPaidOrderOpensTheAppActiveForThePeriodsItBought() {
        Subscription monthly = app(ProductType.SAAS, BillingMode.MONTHLY);
        assertEquals(AppStatus.ACTIVE, monthly.status());
        assertEquals(OffsetDateTime.parse("2027-01-25T10:00:00Z").toInstant(), monthly.expiresAt().toInstant());
        assertEquals(OffsetDateTime.parse("2028-11-25T10:00:00Z").toInstant(),
                app(ProductType.IMAGE, BillingMode.YEARLY).expiresAt().toInstant());
        assertNull(app(ProductType.IMAGE, BillingMode.PAY_PER_USE).expiresAt());
    }

    @Test
    void cancelingTheOrderEndsTheAppUnlessTheBuyerUnsubscribedFirst() {
        assertEquals(List.of(AppStatus.ACTIVE, AppStatus.GRACE, AppStatus.RETENTION, AppStatus.RELEASED),
                SubscriptionRules.CANCELABLE);
    }

    @Test
    void aRenewalMovesTheExpiryFromThePricedOneAndMakesTheAppActiveAgain() {
        Subscription s = app(ProductType.SAAS, BillingMode.MONTHLY);
        OffsetDateTime expiry = s.expiresAt();
        s.enableAutoRenewal(1);
        s.autoRenewalFailed("no money", START, START.plus(Duration.ofDays(1)));
        assertEquals(1, s.autoRenewal().failures());
        // priced on another expiry: someone renewed meanwhile
        assertEquals(409, status(() -> s.renew(expiry.minusDays(1), expiry.plusMonths(1), 1, 2, new BigDecimal("300.00"),
                s.specificationId(), "Basic", new BigDecimal("300.00"))));
        assertEquals(AppStatus.ACTIVE, s.renew(expiry, expiry.plusMonths(1), 1, 2, new BigDecimal("300.00"),
                s.specificationId(), "Basic", new BigDecimal("300.00")));
        assertEquals(expiry.plusMonths(1), s.expiresAt());
        assertEquals(new BigDecimal("900.00"), s.amountPaid());
        assertEquals(0, s.autoRenewal().failures());
        assertNull(s.autoRenewal().error());
        // an ended app is not renewed
        Subscription ended = app(ProductType.IMAGE, BillingMode.MONTHLY);
        ended.unsubscribe(BigDecimal.ZERO, START);
        assertEquals(409, status(() -> ended.renew(ended.expiresAt(), ended.expiresAt().plusMonths(1), 1, 2,
                BigDecimal.TEN, ended.specificationId(), "Basic", BigDecimal.TEN)));
        assertEquals(409, status(() -> ended.enableAutoRenewal(1)));
    }

    @Test
    void aFailedAutomaticRenewalIsRecordedOncePerRetryTime() {
        Subscription s = app(ProductType.SAAS, BillingMode.MONTHLY);
        assertFalse(s.autoRenewalFailed("no money", START, START.plus(Duration.ofDays(1))), "auto-renewal is off");
        s.enableAutoRenewal(3);
        assertTrue(s.autoRenewalFailed("no money", START, START.plus(Duration.ofDays(1))));
        assertFalse(s.autoRenewalFailed("no money", START, START.plus(Duration.ofDays(1))), "a second replica");
        assertTrue(s.autoRenewalFailed("still no money", START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(2))));
        assertEquals(2, s.autoRenewal().failures());
        assertEquals("still no money", s.autoRenewal().error());
        s.enableAutoRenewal(1);
        assertEquals(0, s.autoRenewal().failures());
        assertTrue(s.disableAutoRenewal());
        assertFalse(s.disableAutoRenewal());
    }

    @Test
    void onlyAnActiveAppIsUpgradedAndItsTermIsKeptOnceSet() {
        Subscription s = app(ProductType.SAAS, BillingMode.MONTHLY);
        OffsetDateTime term = s.startsAt();
        s.change(UUID.randomUUID(), "Pro", PricingModel.LINEAR, 3, new BigDecimal("1800.00"), new BigDecimal("160.00"),
                term, 2, 2);
        assertEquals(3, s.quantity());
        assertEquals("Pro", s.specificationName());
        assertEquals(new BigDecimal("760.00"), s.amountPaid());
        s.unsubscribe(BigDecimal.ZERO, START);
        assertEquals(409, status(() -> s.change(UUID.randomUUID(), "Max", PricingModel.FLAT, 1, BigDecimal.TEN,
                BigDecimal.ONE, term, 2, 2)));
    }

    @Test
    void unsubscribingEndsALiveAppWithItsRefundAndTurnsAutoRenewalOff() {
        Subscription s = app(ProductType.IMAGE, BillingMode.YEARLY);
        s.enableAutoRenewal(1);
        assertEquals(AppStatus.ACTIVE, s.unsubscribe(new BigDecimal("120.00"), START.plus(Duration.ofDays(10))));
        assertEquals(AppStatus.UNSUBSCRIBED, s.status());
        assertEquals(new BigDecimal("120.00"), s.refundAmount());
        assertFalse(s.autoRenew());
        assertEquals(409, status(() -> s.unsubscribe(BigDecimal.ZERO, START)));
    }

    // ------------------------------------------------------------------------------ application information

    @Test
    void applicationInformationNeedsUsernameManagementUrlAndTheFirstTimeAPassword() {
        Subscription s = app(ProductType.SAAS, BillingMode.MONTHLY);
        assertEquals(List.of("username", "managementUrl", "password"),
                fields(() -> s.applyApplicationInfo(null, null, " ", null, null, START)));
        assertEquals(List.of("password"),
                fields(() -> s.applyApplicationInfo("admin", null, "https://admin.example", null, null, START)));
        assertTrue(s.applyApplicationInfo(" admin ", SEALED, "https://admin.example", "https://app.example",
                "https://guide.example", START).first());
        assertEquals("admin", s.applicationInfo().username());
        assertArrayEquals(SEALED, s.appPassword());
        assertEquals(422, status(() -> app(ProductType.IMAGE, BillingMode.MONTHLY)
                .applyApplicationInfo("admin", SEALED, "https://admin.example", null, null, START)));
        s.unsubscribe(BigDecimal.ZERO, START);
        assertEquals(409, status(() -> s.applyApplicationInfo("admin", null, "https://admin.example", null, null, START)));
    }

    @Test
    void aFieldLeftOutOfALaterSupplyKeepsWhatWasSupplied() {
        Subscription s = app(ProductType.SAAS, BillingMode.MONTHLY);
        s.applyApplicationInfo("admin", SEALED, "https://admin.example", "https://app.example", "https://guide.example",
                START);
        Subscription.AppInfoChange second = s.applyApplicationInfo("owner", null, null, null, null, START.plusSeconds(5));
        assertFalse(second.first());
        assertFalse(second.passwordSet());
        assertEquals("owner", s.applicationInfo().username());
        assertArrayEquals(SEALED, s.appPassword(), "the password is kept");
        assertEquals("https://admin.example", s.applicationInfo().managementUrl());
        assertEquals("https://app.example", s.applicationInfo().frontendUrl(), "the frontend URL is kept");
        assertEquals("https://guide.example", s.applicationInfo().guideUrl(), "the guide URL is kept");
        s.applyApplicationInfo("owner", new byte[] {9}, "https://admin2.example", "https://app2.example", "",
                START.plusSeconds(9));
        assertEquals("https://app2.example", s.applicationInfo().frontendUrl());
        assertEquals("https://guide.example", s.applicationInfo().guideUrl(), "blank counts as left out");
        assertArrayEquals(new byte[] {9}, s.appPassword());
    }

    @Test
    void aRevealIsRefusedBeyondTheLimitAndWithoutAPassword() {
        Subscription s = app(ProductType.SAAS, BillingMode.MONTHLY);
        assertEquals(SubscriptionRules.Reveal.NOT_SET, s.revealPassword(0, 5));
        s.applyApplicationInfo("admin", SEALED, "https://admin.example", null, null, START);
        assertEquals(SubscriptionRules.Reveal.REVEALED, s.revealPassword(4, 5));
        assertEquals(SubscriptionRules.Reveal.RATE_LIMITED, s.revealPassword(5, 5));
        assertEquals(422, status(() -> app(ProductType.IMAGE, BillingMode.MONTHLY).revealPassword(0, 5)));
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    @Test
    void theExpiryStepsRunActiveGraceRetentionReleasedAndOnlyReleaseTurnsAutoRenewalOff() {
        Duration grace = Duration.ofDays(15);
        Duration retention = Duration.ofDays(15);
        SubscriptionRules.Expiry[] steps = SubscriptionRules.Expiry.values();
        assertEquals(AppStatus.ACTIVE, steps[0].from);
        for (int i = 1; i < steps.length; i++) {
            assertEquals(steps[i - 1].to, steps[i].from, "each step starts where the previous ended");
        }
        assertEquals(AppStatus.RELEASED, steps[steps.length - 1].to);
        assertEquals(Duration.ZERO, SubscriptionRules.Expiry.GRACE.after(grace, retention));
        assertEquals(Duration.ofDays(15), SubscriptionRules.Expiry.RETENTION.after(grace, retention));
        assertEquals(Duration.ofDays(30), SubscriptionRules.Expiry.RELEASED.after(grace, retention));
        assertTrue(SubscriptionRules.Expiry.GRACE.keepsAutoRenewal());
        assertFalse(SubscriptionRules.Expiry.RELEASED.keepsAutoRenewal());
        assertEquals(List.of(AppStatus.ACTIVE, AppStatus.GRACE, AppStatus.RETENTION), SubscriptionRules.LIVE);
    }

    @Test
    void aPeriodicAppExpiresCountedFromItsStartSoMonthEndsDoNotDrift() {
        java.time.OffsetDateTime start = java.time.OffsetDateTime.parse("2026-01-31T10:00:00Z");
        assertEquals(java.time.OffsetDateTime.parse("2026-02-28T10:00:00Z"),
                SubscriptionRules.expiry(start, BillingMode.MONTHLY, 1));
        assertEquals(java.time.OffsetDateTime.parse("2026-03-31T10:00:00Z"),
                SubscriptionRules.expiry(start, BillingMode.MONTHLY, 2));
        assertEquals(java.time.OffsetDateTime.parse("2029-01-31T10:00:00Z"),
                SubscriptionRules.expiry(start, BillingMode.YEARLY, 3));
        assertEquals(null, SubscriptionRules.expiry(start, BillingMode.ONE_TIME, 1));
        assertEquals(null, SubscriptionRules.expiry(start, BillingMode.PAY_PER_USE, 1));
    }
}
