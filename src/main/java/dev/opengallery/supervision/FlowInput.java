package dev.opengallery.supervision;

import static dev.opengallery.core.FormFields.text;

import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.ProblemException;

/**
 * The supervision API's input checks, before anything is read or locked: texts (required or not, bounded, no NUL),
 * reasons, http(s) URLs, the version a multipart form sends as text, a delivery's fields, the appeal queue's
 * status filter. Bad input answers 400 naming the fields. Plain Java.
 */
final class FlowInput {

    static final int MAX_TEXT = 10_000;
    static final int MAX_REASON = 2_000;
    static final int MAX_URL = 2_000;
    static final int MAX_APP_FIELD = 200;

    private FlowInput() {
    }

    /** A delivery's fields, checked. */
    record Delivery(String note, boolean offlineConfirmed, String username, String password, String managementUrl,
            String frontendUrl) {

        /** Whether it carries SaaS application information. */
        boolean appInfo() {
            return username != null || password != null || managementUrl != null || frontendUrl != null;
        }
    }

    /** A buyer's request, checked. */
    record Request(String text, String requirement) {
    }

    static Request request(String request, String requirement) {
        FieldErrors errors = new FieldErrors();
        String text = text(errors, "request", request, MAX_TEXT, true);
        String description = text(errors, "requirementDescription", requirement, MAX_TEXT, false);
        errors.throwIfAny();
        return new Request(text, description);
    }

    static Delivery delivery(DeliveryFields d) {
        FieldErrors errors = new FieldErrors();
        String note = text(errors, "note", d.note(), MAX_TEXT, true);
        String confirmed = d.offlineDeliveryConfirmed() == null ? null : d.offlineDeliveryConfirmed().trim();
        if (confirmed != null && !confirmed.isEmpty() && !confirmed.equalsIgnoreCase("true")
                && !confirmed.equalsIgnoreCase("false")) {
            errors.add("offlineDeliveryConfirmed", "must be true or false");
        }
        String username = text(errors, "username", d.username(), MAX_APP_FIELD, false);
        String password = d.password() == null || d.password().isEmpty() ? null : d.password();
        if (password != null && password.length() > MAX_APP_FIELD) {
            errors.add("password", "must be at most " + MAX_APP_FIELD + " characters");
        }
        String management = url(errors, "managementUrl", d.managementUrl());
        String frontend = url(errors, "frontendUrl", d.frontendUrl());
        errors.throwIfAny();
        return new Delivery(note, "true".equalsIgnoreCase(confirmed), username, password, management, frontend);
    }

    /** The fields a delivery may carry besides its files, as sent. */
    record DeliveryFields(String note, String offlineDeliveryConfirmed, String username, String password,
            String managementUrl, String frontendUrl) {
    }

    /** The acceptance must confirm that the service can no longer be unsubscribed from; answers the note. */
    static String acceptance(Boolean confirmNoUnsubscribe, String note) {
        if (!Boolean.TRUE.equals(confirmNoUnsubscribe)) {
            throw ProblemException.invalid("confirmNoUnsubscribe", "must be true: once accepted, the service cannot "
                    + "be unsubscribed from; if anything is missing, contact the seller before accepting");
        }
        FieldErrors errors = new FieldErrors();
        String text = text(errors, "note", note, MAX_REASON, false);
        errors.throwIfAny();
        return text;
    }


    /** A required reason (rejections, appeals, decisions), stripped. */
    static String reason(String reason) {
        FieldErrors errors = new FieldErrors();
        String text = text(errors, "reason", reason, MAX_REASON, true);
        errors.throwIfAny();
        return text;
    }

    /** The appeal queue's filter: OPEN (default), DECIDED, CLOSED, or ALL (null: every status). */
    static AppealRules.Status appealStatus(String status) {
        String s = status == null || status.isBlank() ? "OPEN" : status.trim().toUpperCase();
        if (s.equals("ALL")) {
            return null;
        }
        for (AppealRules.Status known : AppealRules.Status.values()) {
            if (known.name().equals(s)) {
                return known;
            }
        }
        throw ProblemException.invalid("status", "must be one of OPEN, DECIDED, CLOSED, ALL");
    }


    static String url(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            java.net.URI u = new java.net.URI(v);
            if (v.length() > MAX_URL || u.getHost() == null
                    || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
                errors.add(field, "must be an http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            errors.add(field, "must be an http(s) URL");
        }
        return v;
    }
}
