package dev.opengallery.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The service ticket state machine, as plain Java: for a ticket's facts, an action and who acts, the state the ticket
 * moves to or why the move is refused. No I/O; every endpoint and the job ask it first.
 *
 * <pre>
 *  (buyer opens) → OPEN ─operator REPLY→ IN_PROGRESS ─ASK_BUYER→ WAITING_FOR_BUYER ─buyer REPLY→ IN_PROGRESS
 *                    │                      │ INVOLVE_SELLER → WAITING_FOR_SELLER ─seller REPLY→ IN_PROGRESS
 *                    └──────── RESOLVE (any active state) → RESOLVED ─buyer REOPEN/REPLY (within 7 days)→ IN_PROGRESS
 *                                                             └─ AUTO_CLOSE (7 days later) → CLOSED
 *  buyer or operator CLOSE: any state but CLOSED → CLOSED (final)
 * </pre>
 *
 * A reply keeps the ticket's state except where the arrows say otherwise: a buyer's reply while the ticket waits for the
 * seller leaves it there, an operator's first reply takes an OPEN ticket IN_PROGRESS, a seller's reply (only once
 * brought in) gives the ticket back to the operators. ASSIGN is not a move.
 */
public final class TicketMachine {

    /** Why a move is refused: 403 not the caller's action, 409 not in this state (or too late), 422 no seller. */
    public enum Refusal {
        ROLE, ILLEGAL_STATE, NO_SELLER
    }

    public record Outcome(TicketState next, Refusal refusal, String reason) {

        static Outcome to(TicketState next) {
            return new Outcome(next, null, null);
        }

        static Outcome refused(Refusal refusal, String reason) {
            return new Outcome(null, refusal, reason);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }

    private TicketMachine() {
    }

    /** Who may take an action. */
    public static Set<TicketActor> who(TicketAction action) {
        return switch (action) {
            case REPLY -> EnumSet.of(TicketActor.BUYER, TicketActor.OPERATOR, TicketActor.SELLER);
            case REOPEN -> EnumSet.of(TicketActor.BUYER);
            case CLOSE -> EnumSet.of(TicketActor.BUYER, TicketActor.OPERATOR);
            case ASSIGN, ASK_BUYER, INVOLVE_SELLER, RESOLVE -> EnumSet.of(TicketActor.OPERATOR);
            case AUTO_CLOSE -> EnumSet.of(TicketActor.SYSTEM);
        };
    }

    /** Whether a resolved ticket may still be reopened at {@code now}: strictly before resolution + the period. */
    public static boolean reopenable(Instant resolvedAt, Instant now, Duration reopenWithin) {
        return resolvedAt != null && now.isBefore(resolvedAt.plus(reopenWithin));
    }

    public static Outcome decide(TicketFacts f, TicketAction action, TicketActor actor, Instant now,
            Duration reopenWithin) {
        if (!who(action).contains(actor)) {
            return Outcome.refused(Refusal.ROLE, "A " + actor.role() + " may not " + verb(action) + " a ticket");
        }
        TicketState s = f.state();
        switch (action) {
            case REPLY:
                return switch (actor) {
                    case BUYER -> {
                        if (s == TicketState.RESOLVED) {
                            yield reopenable(f.resolvedAt(), now, reopenWithin) ? Outcome.to(TicketState.IN_PROGRESS)
                                    : tooLate(f, reopenWithin);
                        }
                        if (s == TicketState.WAITING_FOR_BUYER) {
                            yield Outcome.to(TicketState.IN_PROGRESS);
                        }
                        yield s.active() ? Outcome.to(s) : illegal(f, "A closed ticket takes no more messages");
                    }
                    case OPERATOR -> !s.active() ? illegal(f, "Only a ticket in progress takes an operator's reply")
                            : Outcome.to(s == TicketState.OPEN ? TicketState.IN_PROGRESS : s);
                    default -> {
                        if (!f.sellerInvolved()) {
                            yield illegal(f, "The seller was not brought into this ticket");
                        }
                        if (!s.active()) {
                            yield illegal(f, "Only a ticket in progress takes the seller's reply");
                        }
                        yield Outcome.to(s == TicketState.WAITING_FOR_SELLER ? TicketState.IN_PROGRESS : s);
                    }
                };
            case REOPEN:
                if (s != TicketState.RESOLVED) {
                    return illegal(f, "Only a resolved ticket can be reopened");
                }
                return reopenable(f.resolvedAt(), now, reopenWithin) ? Outcome.to(TicketState.IN_PROGRESS)
                        : tooLate(f, reopenWithin);
            case CLOSE:
                return s == TicketState.CLOSED ? illegal(f, "The ticket is already closed")
                        : Outcome.to(TicketState.CLOSED);
            case ASSIGN:
                return s.active() ? Outcome.to(s) : illegal(f, "Only a ticket in progress can be assigned");
            case ASK_BUYER:
                return s.active() ? Outcome.to(TicketState.WAITING_FOR_BUYER)
                        : illegal(f, "Only a ticket in progress can ask the buyer");
            case INVOLVE_SELLER:
                if (!s.active()) {
                    return illegal(f, "Only a ticket in progress can bring in the seller");
                }
                return f.hasSeller() ? Outcome.to(TicketState.WAITING_FOR_SELLER)
                        : Outcome.refused(Refusal.NO_SELLER, "The ticket concerns no order, purchased app or product, "
                                + "so there is no seller to bring in");
            case RESOLVE:
                return s.active() ? Outcome.to(TicketState.RESOLVED)
                        : illegal(f, "Only a ticket in progress can be resolved");
            case AUTO_CLOSE:
                return s == TicketState.RESOLVED ? Outcome.to(TicketState.CLOSED)
                        : illegal(f, "Only a resolved ticket closes by itself");
            default:
                throw new IllegalArgumentException(action.name());
        }
    }

    /** The actions {@code actor} may take now (for the ticket view and the 409's detail). */
    public static List<TicketAction> allowed(TicketFacts f, TicketActor actor, Instant now, Duration reopenWithin) {
        List<TicketAction> out = new ArrayList<>();
        for (TicketAction a : TicketAction.values()) {
            if (decide(f, a, actor, now, reopenWithin).allowed()) {
                out.add(a);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The states a system action moves a ticket from (the set-based job selects by them). */
    public static Set<TicketState> sources(TicketAction systemAction) {
        Set<TicketState> out = EnumSet.noneOf(TicketState.class);
        for (TicketState s : TicketState.values()) {
            if (decide(new TicketFacts(s, false, false, Instant.EPOCH), systemAction, TicketActor.SYSTEM,
                    Instant.EPOCH, Duration.ZERO).allowed()) {
                out.add(s);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Where a system action moves a ticket from {@code from}. */
    public static TicketState target(TicketAction systemAction, TicketState from) {
        Outcome o = decide(new TicketFacts(from, false, false, Instant.EPOCH), systemAction, TicketActor.SYSTEM,
                Instant.EPOCH, Duration.ZERO);
        if (!o.allowed()) {
            throw new IllegalArgumentException(o.reason());
        }
        return o.next();
    }

    private static Outcome illegal(TicketFacts f, String reason) {
        return Outcome.refused(Refusal.ILLEGAL_STATE, reason + " (the ticket is " + f.state() + ")");
    }

    private static Outcome tooLate(TicketFacts f, Duration reopenWithin) {
        return illegal(f, "A resolved ticket can be reopened only within " + reopenWithin.toDays()
                + " days of its resolution (until " + f.resolvedAt().plus(reopenWithin) + "); open a new ticket");
    }

    static String verb(TicketAction a) {
        return switch (a) {
            case REPLY -> "reply to";
            case REOPEN -> "reopen";
            case CLOSE -> "close";
            case ASSIGN -> "assign";
            case ASK_BUYER -> "ask the buyer about";
            case INVOLVE_SELLER -> "bring the seller into";
            case RESOLVE -> "resolve";
            case AUTO_CLOSE -> "automatically close";
        };
    }
}
