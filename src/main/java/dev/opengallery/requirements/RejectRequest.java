package dev.opengallery.requirements;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operator's refusal of a submitted requirement; the buyer is told the reason. */
@Schema(name = "RequirementRejection")
public record RejectRequest(
        @NotBlank @Size(max = 1000) @Schema(example = "Please describe the application you need, not a service "
                + "request") String reason) {
}
