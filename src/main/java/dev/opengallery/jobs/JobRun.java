package dev.opengallery.jobs;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one run of a scheduled job did. */
@Schema(name = "JobRun")
public record JobRun(
        @Schema(example = "unpaid-orders") String job,
        @Schema(description = "Rows the run changed", example = "3") int moved,
        OffsetDateTime ranAt) {
}
