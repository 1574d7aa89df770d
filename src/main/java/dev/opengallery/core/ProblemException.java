package dev.opengallery.core;

import java.util.List;

/**
 * A failure that answers the client with a problem document. Thrown by rules and resources; mapped by
 * {@link ProblemMappers}. Never carries a stack trace to the client.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final String currentState;
    private Long retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            String currentState) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
        this.currentState = currentState;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found", null, null);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail, null, null);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "validation", "Invalid request", detail, List.copyOf(errors), null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null, null);
    }

    public static ProblemException illegalState(String detail, String currentState) {
        return new ProblemException(409, "illegal-state", "Not allowed in the current state", detail, null,
                currentState);
    }

    public static ProblemException staleVersion(String what) {
        return new ProblemException(409, "stale-version", "Changed by someone else",
                what + " was changed since you read it; read it again and retry", null, null);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "unprocessable", "Request cannot be carried out", detail, null, null);
    }

    /** A 422 refusal caused by one field's value (e.g. a payment method that does not apply), naming the field. */
    public static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(422, "unprocessable", "Request cannot be carried out", detail,
                List.of(new Problem.FieldError(field, detail)), null);
    }

    /** Asks the client to wait this many seconds before retrying (the {@code Retry-After} header of a 429). */
    public ProblemException retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }

    /** Seconds for the {@code Retry-After} header, or null for none. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), errors, currentState);
    }
}
