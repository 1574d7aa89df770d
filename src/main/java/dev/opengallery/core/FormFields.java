package dev.opengallery.core;

import java.util.UUID;

/**
 * The text fields of a {@code multipart/form-data} form (the flows' and the tickets' forms with files), which arrive
 * as strings: each read strictly, its refusal collected in {@link FieldErrors} or thrown as a 400 problem naming the
 * field.
 */
public final class FormFields {

    private FormFields() {
    }

    /**
     * A text, stripped: null when blank (an error "is required" when {@code required}); an error when longer than
     * {@code max} characters or holding a NUL character.
     */
    public static String text(FieldErrors errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        }
        if (v.indexOf('\u0000') >= 0) {
            errors.add(field, "must not contain NUL characters");
        }
        return v;
    }

    /** A UUID, or null when blank; an error "must be a UUID" otherwise. */
    public static UUID uuid(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Params.uuid(field, value.trim());
        } catch (ProblemException e) {
            errors.add(field, "must be a UUID");
            return null;
        }
    }

    /** The aggregate's version a client sends to guard its move (null when not sent); 400 unless a whole number >= 0. */
    public static Long version(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v < 0) {
                throw ProblemException.invalid("version", "must be zero or more");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("version", "must be a whole number");
        }
    }
}
