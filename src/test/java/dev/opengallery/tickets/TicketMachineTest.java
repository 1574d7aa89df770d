package dev.opengallery.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.opengallery.tickets.TicketMachine.Outcome;
import dev.opengallery.tickets.TicketMachine.Refusal;

/**
 * Every state x action x actor x (has a seller, seller involved) x (within / after the reopen period), plain Java,
 * against a table written independently of the machine.
 */
class TicketMachineTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration REOPEN = Duration.ofDays(7);

    static Set<TicketActor> roles(TicketAction a) {
        return switch (a) {
            case REPLY -> EnumSet.of(TicketActor.BUYER, TicketActor.OPERATOR, TicketActor.SELLER);
            case REOPEN -> EnumSet.of(TicketActor.BUYER);
            case CLOSE -> EnumSet.of(TicketActor.BUYER, TicketActor.OPERATOR);
            case ASSIGN, ASK_BUYER, INVOLVE_SELLER, RESOLVE -> EnumSet.of(TicketActor.OPERATOR);
            case AUTO_CLOSE -> EnumSet.of(TicketActor.SYSTEM);
        };
    }

    /** The expected next state (null: refused as ILLEGAL_STATE) for an actor allowed to take the action. */
    static TicketState expected(TicketState s, TicketAction a, TicketActor who, boolean hasSeller, boolean involved,
            boolean withinReopen) {
        boolean active = s == TicketState.OPEN || s == TicketState.IN_PROGRESS || s == TicketState.WAITING_FOR_BUYER
                || s == TicketState.WAITING_FOR_SELLER;
        switch (a) {
            case REPLY:
                if (who == TicketActor.BUYER) {
                    if (s == TicketState.RESOLVED) {
                        return withinReopen ? TicketState.IN_PROGRESS : null;
                    }
                    if (s == TicketState.WAITING_FOR_BUYER) {
                        return TicketState.IN_PROGRESS;
                    }
                    return active ? s : null;
                }
                if (who == TicketActor.OPERATOR) {
                    return !active ? null : s == TicketState.OPEN ? TicketState.IN_PROGRESS : s;
                }
                if (!involved || !active) {
                    return null;
                }
                return s == TicketState.WAITING_FOR_SELLER ? TicketState.IN_PROGRESS : s;
            case REOPEN:
                return s == TicketState.RESOLVED && withinReopen ? TicketState.IN_PROGRESS : null;
            case CLOSE:
                return s == TicketState.CLOSED ? null : TicketState.CLOSED;
            case ASSIGN:
                return active ? s : null;
            case ASK_BUYER:
                return active ? TicketState.WAITING_FOR_BUYER : null;
            case INVOLVE_SELLER:
                return active ? TicketState.WAITING_FOR_SELLER : null; // without a seller: NO_SELLER, checked apart
            case RESOLVE:
                return active ? TicketState.RESOLVED : null;
            case AUTO_CLOSE:
                return s == TicketState.RESOLVED ? TicketState.CLOSED : null;
            default:
                throw new IllegalArgumentException();
        }
    }

    @Test
    void everyStateActionAndActorIsAllowedOrRefusedWithAReason() {
        List<String> failures = new ArrayList<>();
        int combinations = 0;
        for (TicketState s : TicketState.values()) {
            for (boolean hasSeller : new boolean[] { false, true }) {
                for (boolean involved : hasSeller ? new boolean[] { false, true } : new boolean[] { false }) {
                    for (boolean within : new boolean[] { true, false }) {
                        Instant resolvedAt = s == TicketState.RESOLVED || s == TicketState.CLOSED
                                ? (within ? NOW.minus(Duration.ofDays(6)) : NOW.minus(REOPEN)) : null;
                        TicketFacts f = new TicketFacts(s, hasSeller, involved, resolvedAt);
                        for (TicketAction a : TicketAction.values()) {
                            for (TicketActor who : TicketActor.values()) {
                                combinations++;
                                Outcome o = TicketMachine.decide(f, a, who, NOW, REOPEN);
                                String where = s + (hasSeller ? " with seller" : "") + (involved ? " involved" : "")
                                        + (within ? "" : " (reopen period over)") + " " + a + " by " + who + ": ";
                                if (!roles(a).contains(who)) {
                                    check(failures, where, Refusal.ROLE, o.refusal());
                                    continue;
                                }
                                TicketState want = expected(s, a, who, hasSeller, involved, within);
                                if (want != null && a == TicketAction.INVOLVE_SELLER && !hasSeller) {
                                    check(failures, where, Refusal.NO_SELLER, o.refusal());
                                    continue;
                                }
                                if (want == null) {
                                    check(failures, where, Refusal.ILLEGAL_STATE, o.refusal());
                                    if (o.reason() == null || !o.reason().contains(s.name())) {
                                        failures.add(where + "a refusal names the state, was " + o.reason());
                                    }
                                } else if (!o.allowed() || o.next() != want) {
                                    failures.add(where + "expected " + want + ", was " + o);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(6 * 3 * 2 * TicketAction.values().length * TicketActor.values().length, combinations);
        assertTrue(failures.isEmpty(), failures.size() + " wrong:\n" + String.join("\n", failures));
    }

    static void check(List<String> failures, String where, Refusal want, Refusal was) {
        if (want != was) {
            failures.add(where + "expected refusal " + want + ", was " + was);
        }
    }

    @Test
    void theReopenPeriodEndsExactlySevenDaysAfterResolution() {
        Instant resolved = NOW.minus(REOPEN);
        TicketFacts f = new TicketFacts(TicketState.RESOLVED, false, false, resolved);
        assertTrue(TicketMachine.decide(f, TicketAction.REOPEN, TicketActor.BUYER, NOW.minusMillis(1), REOPEN).allowed());
        Outcome late = TicketMachine.decide(f, TicketAction.REOPEN, TicketActor.BUYER, NOW, REOPEN);
        assertFalse(late.allowed());
        assertTrue(late.reason().contains("7 days"), late.reason());
        assertFalse(TicketMachine.decide(f, TicketAction.REPLY, TicketActor.BUYER, NOW, REOPEN).allowed());
    }

    @Test
    void theJobClosesOnlyResolvedTickets() {
        assertEquals(EnumSet.of(TicketState.RESOLVED), TicketMachine.sources(TicketAction.AUTO_CLOSE));
        assertEquals(TicketState.CLOSED, TicketMachine.target(TicketAction.AUTO_CLOSE, TicketState.RESOLVED));
    }

    @Test
    void allowedActionsAreWhatTheMachineAllows() {
        TicketFacts f = new TicketFacts(TicketState.WAITING_FOR_SELLER, true, true, null);
        assertEquals(List.of(TicketAction.REPLY, TicketAction.CLOSE), TicketMachine.allowed(f, TicketActor.BUYER, NOW,
                REOPEN));
        assertEquals(List.of(TicketAction.REPLY), TicketMachine.allowed(f, TicketActor.SELLER, NOW, REOPEN));
        assertEquals(List.of(TicketAction.REPLY, TicketAction.CLOSE, TicketAction.ASSIGN, TicketAction.ASK_BUYER,
                TicketAction.INVOLVE_SELLER, TicketAction.RESOLVE), TicketMachine.allowed(f, TicketActor.OPERATOR, NOW,
                        REOPEN));
        assertEquals(List.of(), TicketMachine.allowed(new TicketFacts(TicketState.CLOSED, true, true, NOW),
                TicketActor.BUYER, NOW, REOPEN));
    }
}
