package dev.opengallery.core;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Parses query parameters so that a malformed one answers 400 naming it (JAX-RS would answer 404). */
public final class Params {

    public static final int MAX_PAGE_SIZE = 100;

    private Params() {
    }

    /**
     * A body the method may also go without must still be JSON when one is sent: such a method cannot declare
     * {@code @Consumes(APPLICATION_JSON)} (a POST without a body and without a Content-Type would answer 415), and
     * a record of one String would otherwise be read from a text/plain body as that String.
     */
    public static void jsonIfSent(HttpHeaders headers, Object body) {
        MediaType type = headers.getMediaType();
        if (body != null && (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))
                || !type.getType().equals("application"))) {
            throw new ProblemException(415, "http-415", "Unsupported Media Type", "Send the body as application/json",
                    null, null);
        }
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    public static BigDecimal decimal(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value.trim());
            if (d.signum() < 0) {
                throw ProblemException.invalid(name, "must be zero or more");
            }
            return d;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a decimal number");
        }
    }

    public static int page(Integer page) {
        if (page == null) {
            return 0;
        }
        if (page < 0 || page > 100_000) {
            throw ProblemException.invalid("page", "must be between 0 and 100000");
        }
        return page;
    }

    public static int size(Integer size) {
        if (size == null) {
            return 20;
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size;
    }
}
