package dev.opengallery.payments;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The rules of an account's credit lines and identity, plain Java (the {@link Account} entity consults them). Each
 * refusal answers the message the customer or operator sees; null means allowed.
 */
public final class AccountRules {

    private AccountRules() {
    }

    /**
     * A credit limit cannot be lower than what the account already owes on credit: the balance must stay at or above
     * minus the limit.
     */
    public static String creditLimitRefusal(BigDecimal balance, BigDecimal limit) {
        if (balance.compareTo(limit.negate()) < 0) {
            return "The account owes " + balance.negate() + " on credit; the limit cannot be lower than that";
        }
        return null;
    }

    /** An offer credit limit cannot be lower than what milestone orders already use of it. */
    public static String offerCreditLimitRefusal(BigDecimal used, BigDecimal limit) {
        if (used.compareTo(limit) > 0) {
            return "Milestone orders use " + used + " of the offer credit; the limit cannot be lower than that";
        }
        return null;
    }

    /** A milestone order reserves its amount of the offer credit: refused when the limit does not cover it. */
    public static String offerCreditReserveRefusal(BigDecimal used, BigDecimal limit, BigDecimal amount) {
        if (amount.signum() < 0) {
            return "An offer credit reservation cannot be negative";
        }
        if (used.add(amount).compareTo(limit) > 0) {
            return "Your offer credit does not cover " + amount;
        }
        return null;
    }

    /** Offer credit given back (a paid bill, a canceled order): never below zero in use. */
    public static BigDecimal afterRelease(BigDecimal used, BigDecimal amount) {
        BigDecimal after = used.subtract(amount);
        return after.signum() < 0 ? BigDecimal.ZERO.setScale(Math.max(used.scale(), 0)) : after;
    }

    /** A claim the token carries replaces the stored value; a claim it does not carry (null) keeps it. */
    public static String claim(String stored, String claim) {
        return claim != null ? claim : stored;
    }

    /** Whether a token's claims change anything stored (so that an unchanged token writes nothing). */
    public static boolean identityChanges(String name, String email, String phone, String nameClaim,
            String emailClaim, String phoneClaim) {
        return !Objects.equals(name, claim(name, nameClaim)) || !Objects.equals(email, claim(email, emailClaim))
                || !Objects.equals(phone, claim(phone, phoneClaim));
    }
}
