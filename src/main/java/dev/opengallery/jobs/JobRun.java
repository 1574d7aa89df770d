package dev.opengallery.jobs;

import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

/**
 * What one run of a job did. A job may add fields of its own ({@code details}, shown beside the others, e.g. the
 * billed hours of a metering run).
 */
@Schema(name = "JobRun")
public record JobRun(
        @Schema(example = "unpaid-orders") String job,
        @Schema(description = "Rows the run changed", example = "3") int moved,
        OffsetDateTime ranAt,
        @Schema(hidden = true) @JsonAnyGetter Map<String, Object> details) implements Moved {

    public JobRun {
        details = details == null ? Map.of() : details;
    }

    public JobRun(String job, int moved, OffsetDateTime ranAt) {
        this(job, moved, ranAt, Map.of());
    }
}
