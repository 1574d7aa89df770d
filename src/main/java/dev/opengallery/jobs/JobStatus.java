package dev.opengallery.jobs;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job, its schedule and its last run (on schedule or on demand, on any replica). */
@Schema(name = "Job", description = "A job an operator can run, with its schedule and its last run")
public record JobStatus(
        @Schema(example = "unpaid-orders") String name,
        @Schema(description = "The schedule; absent when the job runs only on demand", example = "every 5m") String schedule,
        @Schema(description = "The last run's own start time (any replica); absent before the first run") OffsetDateTime lastRunAt,
        @Schema(description = "How the last run ended: SUCCESS or FAILURE", example = "SUCCESS") String lastOutcome,
        @Schema(description = "Rows the last run changed (successful runs)", example = "3") Integer lastMoved,
        @Schema(description = "Why the last run failed", example = "TimeoutException: no answer") String lastError,
        @Schema(description = "How long the last run took, in milliseconds", example = "42") Long lastDurationMs) {
}
