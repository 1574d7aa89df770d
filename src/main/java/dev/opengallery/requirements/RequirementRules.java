package dev.opengallery.requirements;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;

import dev.opengallery.core.Currencies;
import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.ProblemException;

/**
 * An application requirement's moves and its budget, as plain rules.
 *
 * <pre>
 * PUBLISH   SUBMITTED            -> PUBLISHED  (operator; the sellers of its category are told)
 * REJECT    SUBMITTED            -> REJECTED   (operator, with a reason)
 * CLOSE     SUBMITTED, PUBLISHED -> CLOSED     (the buyer: reason BUYER)
 * EXPIRE    SUBMITTED, PUBLISHED -> CLOSED     (the expiry job, open-days after posting: reason EXPIRED)
 * ANSWER    PUBLISHED            -> PUBLISHED  (a seller's private offer; any number of them)
 * </pre>
 *
 * Any other move is refused with 409 (illegal state).
 */
public final class RequirementRules {

    /** The moves of a requirement. */
    public enum Move {
        PUBLISH, REJECT, CLOSE, EXPIRE, ANSWER
    }

    /** The states a requirement can still be closed (by its buyer or by expiry) from: the open ones. */
    public static final Set<RequirementState> OPEN = EnumSet.of(RequirementState.SUBMITTED, RequirementState.PUBLISHED);

    private RequirementRules() {
    }

    /** The state {@code move} leads to from {@code state}; refused (409) when the move is not allowed there. */
    public static RequirementState next(RequirementState state, Move move) {
        switch (move) {
            case PUBLISH:
            case REJECT:
                if (state == RequirementState.SUBMITTED) {
                    return move == Move.PUBLISH ? RequirementState.PUBLISHED : RequirementState.REJECTED;
                }
                throw refused("Only a submitted requirement can be " + (move == Move.PUBLISH ? "published" : "rejected"),
                        state);
            case CLOSE:
            case EXPIRE:
                if (OPEN.contains(state)) {
                    return RequirementState.CLOSED;
                }
                throw refused("Only an open (submitted or published) requirement can be closed", state);
            case ANSWER:
                if (state == RequirementState.PUBLISHED) {
                    return state;
                }
                throw refused("Only a published requirement can be answered", state);
            default:
                throw new IllegalArgumentException(String.valueOf(move));
        }
    }

    /** Whether {@code move} is allowed from {@code state}. */
    public static boolean allowed(RequirementState state, Move move) {
        try {
            next(state, move);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    /** When an open requirement posted at {@code createdAt} closes by itself. */
    public static Instant expiresAt(Instant createdAt, int openDays) {
        return createdAt.plus(Duration.ofDays(openDays));
    }

    /** Whether a requirement posted at {@code createdAt} is due for expiry at {@code now}. */
    public static boolean due(Instant createdAt, int openDays, Instant now) {
        return !expiresAt(createdAt, openDays).isAfter(now);
    }

    /** A requirement's budget: both amounts optional, in one configured currency. */
    public record Budget(BigDecimal min, BigDecimal max, Currency currency) {
    }

    /**
     * Checks the budget range: no amount and no currency is no budget; with an amount, the currency is one the
     * marketplace trades in (the default when none is named), the minimum zero or more, the maximum above zero, each
     * with at most the currency's minor digits, and the minimum not above the maximum. Adds field errors and answers
     * null when something is wrong (or there is no budget).
     */
    public static Budget budget(BigDecimal min, BigDecimal max, String currencyCode, Currencies currencies,
            FieldErrors errors) {
        if (min == null && max == null) {
            if (currencyCode != null) {
                errors.add("currency", "is given only with budgetMin or budgetMax");
            }
            return null;
        }
        Currency currency = currencyCode == null ? currencies.defaultCurrency() : currencies.find(currencyCode);
        // strict: the code as configured (USD), not another spelling of it (usd)
        if (currency == null || (currencyCode != null && !currency.getCurrencyCode().equals(currencyCode))) {
            errors.add("currency", "must be one of " + currencies.codes());
            return null;
        }
        boolean ok = true;
        if (min != null) {
            ok &= Currencies.checkAmount(min, "budgetMin", currency, true, errors);
        }
        if (max != null) {
            ok &= Currencies.checkAmount(max, "budgetMax", currency, false, errors);
        }
        if (ok && min != null && max != null && min.compareTo(max) > 0) {
            errors.add("budgetMin", "must not be above budgetMax");
            ok = false;
        }
        return ok ? new Budget(min, max, currency) : null;
    }

    private static ProblemException refused(String detail, RequirementState state) {
        return ProblemException.illegalState(detail + "; this one is " + state, state.name());
    }
}
