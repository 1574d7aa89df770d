package dev.opengallery.requirements;

import static dev.opengallery.requirements.RequirementRules.Move.*;
import static dev.opengallery.requirements.RequirementState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.Currencies;
import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.Problem;
import dev.opengallery.core.ProblemException;
import dev.opengallery.requirements.RequirementRules.Move;

class RequirementRulesTest {

    /** Every state × every move: the state it leads to, or null where it is refused (409). */
    static final Map<RequirementState, Map<Move, RequirementState>> EXPECTED = new EnumMap<>(RequirementState.class);

    static {
        EXPECTED.put(SUBMITTED, moves(PUBLISHED, REJECTED, CLOSED, CLOSED, null));
        EXPECTED.put(PUBLISHED, moves(null, null, CLOSED, CLOSED, PUBLISHED));
        EXPECTED.put(REJECTED, moves(null, null, null, null, null));
        EXPECTED.put(CLOSED, moves(null, null, null, null, null));
    }

    private static Map<Move, RequirementState> moves(RequirementState publish, RequirementState reject,
            RequirementState close, RequirementState expire, RequirementState answer) {
        Map<Move, RequirementState> m = new EnumMap<>(Move.class);
        m.put(PUBLISH, publish);
        m.put(REJECT, reject);
        m.put(CLOSE, close);
        m.put(EXPIRE, expire);
        m.put(ANSWER, answer);
        return m;
    }

    @Test
    void everyStateAndMove() {
        assertEquals(RequirementState.values().length, EXPECTED.size());
        for (RequirementState state : RequirementState.values()) {
            for (Move move : Move.values()) {
                RequirementState expected = EXPECTED.get(state).get(move);
                String at = state + " " + move;
                if (expected == null) {
                    ProblemException e = assertThrows(ProblemException.class, () -> RequirementRules.next(state, move), at);
                    assertEquals(409, e.status(), at);
                    assertEquals(state.name(), e.toProblem().currentState(), at);
                    assertFalse(RequirementRules.allowed(state, move), at);
                } else {
                    assertEquals(expected, RequirementRules.next(state, move), at);
                    assertTrue(RequirementRules.allowed(state, move), at);
                }
            }
        }
    }

    @Test
    void openStatesAreTheOnesThatCanClose() {
        for (RequirementState state : RequirementState.values()) {
            assertEquals(RequirementRules.OPEN.contains(state), RequirementRules.allowed(state, CLOSE), state.name());
            assertEquals(RequirementRules.OPEN.contains(state), RequirementRules.allowed(state, EXPIRE), state.name());
        }
    }

    @Test
    void aRequirementIsDueSixtyDaysAfterItWasPosted() {
        Instant posted = Instant.parse("2026-11-25T10:00:00Z");
        assertEquals(Instant.parse("2027-01-24T10:00:00Z"), RequirementRules.expiresAt(posted, 60));
        assertFalse(RequirementRules.due(posted, 60, Instant.parse("2027-01-24T09:59:59Z")));
        assertTrue(RequirementRules.due(posted, 60, Instant.parse("2027-01-24T10:00:00Z")));
    }

    static final Currencies CURRENCIES = Currencies.of("USD", "CNY", "JPY");

    private static List<String> budgetErrors(String min, String max, String currency) {
        FieldErrors errors = new FieldErrors();
        RequirementRules.Budget b = RequirementRules.budget(min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), currency, CURRENCIES, errors);
        if (errors.isEmpty() && (min != null || max != null)) {
            assertTrue(b != null);
        }
        return errors.list().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aBudgetIsARangeInAConfiguredCurrencyWithItsDigits() {
        assertEquals(List.of(), budgetErrors(null, null, null));
        assertNull(RequirementRules.budget(null, null, null, CURRENCIES, new FieldErrors()));
        assertEquals(List.of(), budgetErrors("0", "5000.00", "USD"));
        assertEquals(List.of(), budgetErrors("1000", null, "CNY"));
        assertEquals(List.of(), budgetErrors(null, "300", "JPY"));
        // no currency: the first configured one
        FieldErrors none = new FieldErrors();
        assertEquals("USD", RequirementRules.budget(null, new BigDecimal("10"), null, CURRENCIES, none).currency()
                .getCurrencyCode());
        assertEquals(List.of("budgetMin"), budgetErrors("5000.01", "5000.00", "USD"));
        assertEquals(List.of("budgetMin"), budgetErrors("-1", "10", "USD"));
        assertEquals(List.of("budgetMax"), budgetErrors(null, "0", "USD"));
        assertEquals(List.of("budgetMin"), budgetErrors("1.001", "10", "USD"));
        assertEquals(List.of("budgetMax"), budgetErrors(null, "10.5", "JPY"));
        assertEquals(List.of("currency"), budgetErrors("1", "10", "EUR"));
        assertEquals(List.of("currency"), budgetErrors("1", "10", "usd"));
        assertEquals(List.of("currency"), budgetErrors(null, null, "USD"));
    }
}
