package dev.opengallery.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.opengallery.catalog.ProductType;

/**
 * The service supervision state machine, as plain Java: for a flow's facts, an action and who acts, either the
 * state the flow moves to or the reason the move is refused. No I/O; every endpoint and job asks it first.
 *
 * <pre>
 *  (license paid) ──────────────┐
 *  (SaaS/service paid) → WAITING_FOR_REQUEST ─SUBMIT_REQUEST→ WAITING_FOR_SELLER ─DELIVER→ WAITING_FOR_ACCEPTANCE
 *                         ↑ REJECT_REQUEST (before any delivery) ┘   ↑ REJECT_DELIVERY ──────────────┘   │ ACCEPT
 *                                                                     └── next milestone ←── (N &lt; last) ┤
 *                                                                                                         ↓
 *                                                        COMPLETED ←AUTO_COMPLETE (3 h later)─ ACCEPTED
 *  open states → CLOSED (AUTO_CLOSE, 365 days, invoice requested) or CANCELED (AUTO_CANCEL, or the operator's CANCEL)
 * </pre>
 *
 * An APPEAL freezes an open flow without changing its state; while frozen the buyer and the seller can do nothing
 * and the operator decides RESUME (same state, turn clock restarted), COMPLETE (as if the buyer accepted) or CANCEL.
 */
public final class FlowMachine {

    /** Why a move is refused; the API answers 409 for ILLEGAL_STATE and FROZEN, 422 for the rules, 403 for roles. */
    public enum Refusal {
        /** Not the caller's move at all. */
        ROLE,
        /** Not possible in the flow's current state. */
        ILLEGAL_STATE,
        /** An appeal is open. */
        FROZEN,
        /** An appeal is not (yet) allowed: no grounds. */
        NOT_ELIGIBLE
    }

    /** The answer: {@code next} when allowed; {@code refusal} and {@code reason} when not. */
    public record Outcome(FlowState next, Refusal refusal, String reason, boolean nextMilestone) {

        static Outcome to(FlowState next) {
            return new Outcome(next, null, null, false);
        }

        static Outcome toNextMilestone() {
            return new Outcome(FlowState.WAITING_FOR_SELLER, null, null, true);
        }

        static Outcome refused(Refusal refusal, String reason) {
            return new Outcome(null, refusal, reason, false);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }

    private FlowMachine() {
    }

    /**
     * Decides one move.
     *
     * @param now the clock's time (appeal eligibility looks at how long the flow has waited)
     * @param silence the silence after which a party may appeal (5 days)
     */
    public static Outcome decide(FlowFacts f, FlowAction action, Actor actor, Instant now, Duration silence) {
        Actor allowedActor = who(action);
        if (action == FlowAction.APPEAL ? (actor != Actor.BUYER && actor != Actor.SELLER) : actor != allowedActor) {
            return Outcome.refused(Refusal.ROLE, "Only " + (action == FlowAction.APPEAL ? "the buyer or the seller"
                    : describe(allowedActor)) + " may " + verb(action));
        }
        FlowState s = f.state();
        boolean party = actor == Actor.BUYER || actor == Actor.SELLER;
        if (party && f.frozen()) {
            return Outcome.refused(Refusal.FROZEN, "The flow is frozen by an open appeal until an operator decides it");
        }
        switch (action) {
            case SUBMIT_REQUEST:
                if (!f.hasRequestStep()) {
                    return illegal(f, "A license needs no request: the seller delivers it after payment");
                }
                return s == FlowState.WAITING_FOR_REQUEST ? Outcome.to(FlowState.WAITING_FOR_SELLER)
                        : illegal(f, "A request can be submitted only while the flow waits for one");
            case REJECT_REQUEST:
                if (!f.hasRequestStep()) {
                    return illegal(f, "A license has no request to reject");
                }
                if (s != FlowState.WAITING_FOR_SELLER) {
                    return illegal(f, "There is no request waiting for the seller");
                }
                return f.deliveriesThisRound() == 0 ? Outcome.to(FlowState.WAITING_FOR_REQUEST)
                        : illegal(f, "The request was taken up with a delivery; deliver again instead");
            case DELIVER:
                return s == FlowState.WAITING_FOR_SELLER ? Outcome.to(FlowState.WAITING_FOR_ACCEPTANCE)
                        : illegal(f, "The seller delivers only when it is the seller's turn");
            case ACCEPT:
                if (s != FlowState.WAITING_FOR_ACCEPTANCE) {
                    return illegal(f, "There is no delivery waiting for acceptance");
                }
                return f.moreMilestones() ? Outcome.toNextMilestone() : Outcome.to(FlowState.ACCEPTED);
            case REJECT_DELIVERY:
                return s == FlowState.WAITING_FOR_ACCEPTANCE ? Outcome.to(FlowState.WAITING_FOR_SELLER)
                        : illegal(f, "There is no delivery waiting for acceptance");
            case REMIND:
                return s == FlowState.WAITING_FOR_SELLER ? Outcome.to(s)
                        : illegal(f, "A reminder can be sent only while it is the seller's turn");
            case APPEAL: {
                if (!s.open()) {
                    return illegal(f, "Only a flow in progress can be appealed");
                }
                List<AppealRules.Ground> grounds = AppealRules.grounds(actor, f, now, silence);
                if (grounds.isEmpty()) {
                    return Outcome.refused(Refusal.NOT_ELIGIBLE, notEligible(actor, f, silence));
                }
                return Outcome.to(s);
            }
            case RESUME:
            case COMPLETE:
            case CANCEL:
                if (!f.frozen()) {
                    return illegal(f, "There is no open appeal to decide");
                }
                if (!s.open()) {
                    return illegal(f, "The flow is no longer in progress");
                }
                if (action == FlowAction.RESUME) {
                    return Outcome.to(s);
                }
                if (action == FlowAction.CANCEL) {
                    return Outcome.to(FlowState.CANCELED);
                }
                return f.moreMilestones() ? Outcome.toNextMilestone() : Outcome.to(FlowState.ACCEPTED);
            case AUTO_COMPLETE:
                return s == FlowState.ACCEPTED ? Outcome.to(FlowState.COMPLETED)
                        : illegal(f, "Only an accepted flow completes");
            case AUTO_CLOSE:
                return s.open() ? Outcome.to(FlowState.CLOSED) : illegal(f, "Only a flow in progress is closed");
            case AUTO_CANCEL:
                return s.open() ? Outcome.to(FlowState.CANCELED) : illegal(f, "Only a flow in progress is canceled");
            default:
                throw new IllegalArgumentException(action.name());
        }
    }

    /**
     * The states from which a system action (AUTO_COMPLETE, AUTO_CLOSE, AUTO_CANCEL) moves a flow: the set-based
     * sweeps select their rows by them. A system action depends on the state alone.
     */
    public static Set<FlowState> sources(FlowAction systemAction) {
        requireSystem(systemAction);
        Set<FlowState> out = EnumSet.noneOf(FlowState.class);
        for (FlowState s : FlowState.values()) {
            if (decide(neutral(s), systemAction, Actor.SYSTEM, Instant.EPOCH, Duration.ZERO).allowed()) {
                out.add(s);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Where a system action moves a flow from {@code from} (one of {@link #sources}). */
    public static FlowState target(FlowAction systemAction, FlowState from) {
        requireSystem(systemAction);
        Outcome o = decide(neutral(from), systemAction, Actor.SYSTEM, Instant.EPOCH, Duration.ZERO);
        if (!o.allowed()) {
            throw new IllegalArgumentException(o.reason());
        }
        return o.next();
    }

    private static void requireSystem(FlowAction action) {
        if (who(action) != Actor.SYSTEM) {
            throw new IllegalArgumentException(action + " is not a system action");
        }
    }

    private static FlowFacts neutral(FlowState s) {
        return new FlowFacts(ProductType.SAAS, s, null, false, 0, 0, 0, 1, 1);
    }

    /** Who may take an action (APPEAL: the buyer or the seller; this answers BUYER for it). */
    public static Actor who(FlowAction action) {
        return switch (action) {
            case SUBMIT_REQUEST, ACCEPT, REJECT_DELIVERY, REMIND, APPEAL -> Actor.BUYER;
            case REJECT_REQUEST, DELIVER -> Actor.SELLER;
            case RESUME, COMPLETE, CANCEL -> Actor.OPERATOR;
            case AUTO_COMPLETE, AUTO_CLOSE, AUTO_CANCEL -> Actor.SYSTEM;
        };
    }

    private static Outcome illegal(FlowFacts f, String reason) {
        return Outcome.refused(Refusal.ILLEGAL_STATE, reason + " (the flow is " + f.state() + ")");
    }

    private static String describe(Actor a) {
        return switch (a) {
            case BUYER -> "the buyer";
            case SELLER -> "the seller";
            case OPERATOR -> "an operator";
            case SYSTEM -> "the system";
        };
    }

    static String verb(FlowAction a) {
        return switch (a) {
            case SUBMIT_REQUEST -> "submit the request";
            case REJECT_REQUEST -> "reject the request";
            case DELIVER -> "deliver";
            case ACCEPT -> "accept the delivery";
            case REJECT_DELIVERY -> "reject the delivery";
            case REMIND -> "send a reminder";
            case APPEAL -> "appeal";
            case RESUME -> "resume an appealed flow";
            case COMPLETE -> "complete an appealed flow";
            case CANCEL -> "cancel an appealed flow";
            case AUTO_COMPLETE -> "complete an accepted flow";
            case AUTO_CLOSE -> "close a long-running flow";
            case AUTO_CANCEL -> "cancel a long-running flow";
        };
    }

    private static String notEligible(Actor party, FlowFacts f, Duration silence) {
        long days = silence.toDays();
        String period = days > 0 && silence.equals(Duration.ofDays(days)) ? days + " days" : silence.toString();
        Instant from = AppealRules.silentFrom(f, silence);
        boolean waitingOnOther = party == Actor.BUYER ? f.state() == FlowState.WAITING_FOR_SELLER
                : f.state() == FlowState.WAITING_FOR_ACCEPTANCE;
        String when = waitingOnOther && from != null ? "; without a reply you may appeal after " + from : "";
        return party == Actor.BUYER
                ? "You may appeal when the seller has not updated the flow for more than " + period
                        + ", has rejected your request " + AppealRules.REQUEST_REJECTIONS
                        + " times, or has delivered again after you rejected the delivery twice" + when
                : "You may appeal when the buyer has not acted on your delivery for more than " + period
                        + " or has rejected it " + AppealRules.DELIVERY_REJECTIONS + " times" + when;
    }
}
