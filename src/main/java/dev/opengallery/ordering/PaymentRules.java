package dev.opengallery.ordering;

import dev.opengallery.payments.PaymentMethod;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which way to pay applies to which kind of order (shared domain rules, "Money rules settled later"): balance and
 * credit for ordinary orders, private offers, yearly/monthly images, upgrades, expansions and renewals; monthly
 * settlement only for milestone orders (paid through their bills); the reseller pays for its customers; a
 * pay-per-use image owes nothing at ordering. Any other combination is refused and moves nothing. Plain Java: every
 * path that pays an order (placing with payment, paying, change orders, the auto-renewal job) asks this class.
 */
public final class PaymentRules {

    /** The kinds of order, by what decides how they are paid (first match wins, in this order). */
    public enum OrderKind {
        MILESTONE, RESELLER_CUSTOMER, PAY_PER_USE_IMAGE, RENEWAL, UPGRADE, EXPANSION, PRIVATE_OFFER, IMAGE, ORDINARY
    }

    /** The facts of an order that decide its kind. {@code change}: NEW, RENEWAL, UPGRADE or EXPANSION. */
    public record Facts(String change, boolean milestone, boolean resellerCustomer, boolean image, boolean payPerUse,
            boolean privateOffer) {
    }

    /**
     * The outcome: the method the order is paid with ({@code null}: nothing is taken now — a pay-per-use image, or
     * an order placed without "Pay Now"), or why the requested method is refused.
     */
    public record Decision(PaymentMethod method, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private PaymentRules() {
    }

    public static OrderKind kind(Facts f) {
        if (f.milestone()) {
            return OrderKind.MILESTONE;
        }
        if (f.resellerCustomer()) {
            return OrderKind.RESELLER_CUSTOMER;
        }
        if (f.image() && f.payPerUse()) {
            return OrderKind.PAY_PER_USE_IMAGE;
        }
        String change = f.change() == null ? "NEW" : f.change();
        switch (change) {
            case "RENEWAL":
                return OrderKind.RENEWAL;
            case "UPGRADE":
                return OrderKind.UPGRADE;
            case "EXPANSION":
                return OrderKind.EXPANSION;
            default:
                break;
        }
        if (f.privateOffer()) {
            return OrderKind.PRIVATE_OFFER;
        }
        return f.image() ? OrderKind.IMAGE : OrderKind.ORDINARY;
    }

    /** The methods a buyer may name for an order of this kind. */
    public static Set<PaymentMethod> methods(OrderKind kind) {
        return switch (kind) {
            case MILESTONE -> EnumSet.of(PaymentMethod.MONTHLY_SETTLEMENT);
            case RESELLER_CUSTOMER -> EnumSet.of(PaymentMethod.RESELLER);
            case PAY_PER_USE_IMAGE -> EnumSet.noneOf(PaymentMethod.class);
            default -> EnumSet.of(PaymentMethod.BALANCE, PaymentMethod.CREDIT);
        };
    }

    /**
     * The method an order of this kind is paid with when the buyer names none: a milestone order by monthly
     * settlement, a reseller's customer's by the reseller; otherwise none (nothing taken now).
     */
    public static PaymentMethod implied(OrderKind kind) {
        return switch (kind) {
            case MILESTONE -> PaymentMethod.MONTHLY_SETTLEMENT;
            case RESELLER_CUSTOMER -> PaymentMethod.RESELLER;
            default -> null;
        };
    }

    /** Decides how an order of this kind is paid when the buyer asks for {@code requested} (null: names none). */
    public static Decision decide(OrderKind kind, PaymentMethod requested) {
        if (requested == null) {
            return new Decision(implied(kind), null);
        }
        if (methods(kind).contains(requested)) {
            return new Decision(requested, null);
        }
        return new Decision(null, requested + " does not apply to " + describe(kind) + ": " + hint(kind));
    }

    static String describe(OrderKind kind) {
        return switch (kind) {
            case MILESTONE -> "a milestone order";
            case RESELLER_CUSTOMER -> "an order of a reseller's customer";
            case PAY_PER_USE_IMAGE -> "a pay-per-use image order";
            case RENEWAL -> "a renewal";
            case UPGRADE -> "an upgrade";
            case EXPANSION -> "a capacity expansion";
            case PRIVATE_OFFER -> "a private offer order";
            case IMAGE -> "a yearly or monthly image order";
            case ORDINARY -> "this order";
        };
    }

    private static String hint(OrderKind kind) {
        return switch (kind) {
            case MILESTONE -> "it is paid by MONTHLY_SETTLEMENT, bill by bill";
            case RESELLER_CUSTOMER -> "your reseller pays for it; leave the payment method out";
            case PAY_PER_USE_IMAGE -> "nothing is due when ordering (it is billed by the hour); leave the payment "
                    + "method out";
            default -> "pay with BALANCE or CREDIT";
        };
    }
}
