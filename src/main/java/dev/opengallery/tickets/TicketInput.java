package dev.opengallery.tickets;

import static dev.opengallery.core.FormFields.text;
import static dev.opengallery.core.FormFields.uuid;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;

import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.Params;
import dev.opengallery.core.ProblemException;

/**
 * The ticket API's input checks, before anything is read or locked: texts (required, bounded, no NUL), the category,
 * at most one related object, a version sent as text, a resolution's outcome. Bad input answers 400 naming the
 * fields. Plain Java.
 */
final class TicketInput {

    static final int MAX_SUBJECT = 200;
    static final int MAX_TEXT = 10_000;
    static final BigDecimal MAX_CREDIT = new BigDecimal("10000000");

    private TicketInput() {
    }

    /** A new ticket's fields, checked. */
    record Opening(TicketCategory category, String subject, String description, UUID orderId,
            UUID appId, UUID productId) {
    }

    static Opening opening(String category, String subject, String description, String orderId, String appId,
            String productId) {
        FieldErrors errors = new FieldErrors();
        TicketCategory c = null;
        if (category == null || category.isBlank()) {
            errors.add("category", "is required");
        } else {
            try {
                c = TicketCategory.valueOf(category.trim());
            } catch (IllegalArgumentException e) {
                errors.add("category", "must be one of " + Arrays.toString(TicketCategory.values()));
            }
        }
        String s = text(errors, "subject", subject, MAX_SUBJECT, true);
        if (s != null && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) {
            errors.add("subject", "must be one line");
        }
        String d = text(errors, "description", description, MAX_TEXT, true);
        UUID o = uuid(errors, "orderId", orderId);
        UUID a = uuid(errors, "appId", appId);
        UUID p = uuid(errors, "productId", productId);
        int related = (o != null ? 1 : 0) + (a != null ? 1 : 0) + (p != null ? 1 : 0);
        if (related > 1) {
            errors.add(o != null && a != null ? "appId" : "productId",
                    "name at most one of orderId, appId and productId");
        }
        errors.throwIfAny();
        return new Opening(c, s, d, o, a, p);
    }

    /** A message's text (required). */
    static String message(String field, String text) {
        FieldErrors errors = new FieldErrors();
        String t = text(errors, field, text, MAX_TEXT, true);
        errors.throwIfAny();
        return t;
    }

    /** An optional note. */
    static String note(String field, String text) {
        FieldErrors errors = new FieldErrors();
        String t = text(errors, field, text, MAX_TEXT, false);
        errors.throwIfAny();
        return t;
    }


    /**
     * A resolution's outcome: required for a credit-limit ticket, refused for others; a limit with GRANTED only
     * (required there), between 0 and 10,000,000 with at most 2 decimals.
     */
    static void resolution(TicketCategory category, Ticket.CreditOutcome outcome, BigDecimal creditLimit) {
        FieldErrors errors = new FieldErrors();
        if (category != TicketCategory.CREDIT_LIMIT) {
            if (outcome != null) {
                errors.add("outcome", "only a CREDIT_LIMIT ticket is resolved with an outcome");
            }
            if (creditLimit != null) {
                errors.add("creditLimit", "only a CREDIT_LIMIT ticket granted sets a credit limit");
            }
        } else if (outcome == null) {
            errors.add("outcome", "is required for a CREDIT_LIMIT ticket: GRANTED or DECLINED");
        } else if (outcome == Ticket.CreditOutcome.GRANTED && creditLimit == null) {
            errors.add("creditLimit", "is required when the credit limit is GRANTED");
        } else if (outcome == Ticket.CreditOutcome.DECLINED && creditLimit != null) {
            errors.add("creditLimit", "is only sent when the credit limit is GRANTED");
        }
        if (creditLimit != null && (creditLimit.signum() < 0 || creditLimit.compareTo(MAX_CREDIT) > 0
                || Math.max(0, creditLimit.stripTrailingZeros().scale()) > 2)) {
            errors.add("creditLimit", "must be between 0 and 10000000 with at most 2 decimals");
        }
        errors.throwIfAny();
    }


}
