package dev.opengallery.offers;

import static dev.opengallery.offers.OfferLifecycle.Status.ACTIVE;
import static dev.opengallery.offers.OfferLifecycle.Status.USED;
import static dev.opengallery.offers.OfferLifecycle.Status.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.ProblemException;

/** Which offer statuses allow which moves, and what the refusals answer. */
class OfferLifecycleTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Instant LATER = NOW.plus(Duration.ofDays(1));
    static final Instant PAST = NOW.minusSeconds(1);

    @Test
    void anActiveUnexpiredOfferIsClaimedOnceAndShownUsed() {
        assertEquals(USED, OfferLifecycle.claim(ACTIVE, LATER, NOW));
        for (var refused : new Object[][] { { USED, LATER }, { WITHDRAWN, LATER }, { ACTIVE, PAST }, { ACTIVE, NOW } }) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> OfferLifecycle.claim((OfferLifecycle.Status) refused[0], (Instant) refused[1], NOW));
            assertEquals(409, e.status());
        }
    }

    @Test
    void anOfferPastItsExpiryIsShownExpiredButStaysStoredActive() {
        assertEquals("EXPIRED", OfferLifecycle.shown(ACTIVE, NOW, NOW));
        assertEquals("ACTIVE", OfferLifecycle.shown(ACTIVE, LATER, NOW));
        assertEquals("USED", OfferLifecycle.shown(USED, PAST, NOW));
        assertEquals("WITHDRAWN", OfferLifecycle.shown(WITHDRAWN, PAST, NOW));
    }

    @Test
    void orderingThroughAnUnusableOfferIsRefused() {
        OfferLifecycle.checkUsable(ACTIVE, LATER, NOW);
        ProblemException used = assertThrows(ProblemException.class, () -> OfferLifecycle.checkUsable(USED, LATER, NOW));
        assertEquals(409, used.status());
        assertEquals("USED", used.toProblem().currentState());
        ProblemException expired = assertThrows(ProblemException.class,
                () -> OfferLifecycle.checkUsable(ACTIVE, PAST, NOW));
        assertEquals(422, expired.status());
    }

    @Test
    void onlyAnUnusedOfferCanBeWithdrawnEvenOnceExpired() {
        assertEquals(WITHDRAWN, OfferLifecycle.withdraw(ACTIVE, LATER, NOW));
        assertEquals(WITHDRAWN, OfferLifecycle.withdraw(ACTIVE, PAST, NOW));
        for (var s : new OfferLifecycle.Status[] { USED, WITHDRAWN }) {
            ProblemException e = assertThrows(ProblemException.class, () -> OfferLifecycle.withdraw(s, LATER, NOW));
            assertEquals(409, e.status());
            assertEquals(s.name(), e.toProblem().currentState());
        }
    }

    @Test
    void aCanceledOrderGivesOnlyAUsedOfferBack() {
        assertEquals(ACTIVE, OfferLifecycle.release(USED));
        assertNull(OfferLifecycle.release(ACTIVE));
        assertNull(OfferLifecycle.release(WITHDRAWN));
    }
}
