package dev.opengallery.jobs;

import java.util.Map;
import java.util.Optional;

import dev.opengallery.core.ProblemException;

/** The query parameters of an operator's run ({@code ?limit=100}, {@code ?hour=...}); each job reads its own. */
public record JobRequest(Map<String, String> params) {

    public static final JobRequest NONE = new JobRequest(Map.of());

    public JobRequest {
        params = Map.copyOf(params);
    }

    public Optional<String> param(String name) {
        String value = params.get(name);
        // not trimmed here: a value of control characters only (e.g. %00) is not "absent", it is malformed
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** An integer parameter between min and max; 400 otherwise; the fallback when absent. */
    public int integer(String name, int min, int max, int fallback) {
        Optional<String> value = param(name);
        if (value.isEmpty()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
        if (n < min || n > max) {
            throw ProblemException.invalid(name, "must be between " + min + " and " + max);
        }
        return n;
    }
}
