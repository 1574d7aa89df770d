package dev.opengallery.apps;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the one call that shows a SaaS app's initial password. */
@Schema(name = "RevealedPassword")
public record RevealedPassword(
        UUID subscriptionId,
        @Schema(description = "The initial password the seller supplied") String password,
        OffsetDateTime revealedAt,
        @Schema(description = "Reveals left in the current window", example = "4") int revealsLeft) {

    @Override
    public String toString() {
        return "RevealedPassword[subscriptionId=" + subscriptionId + ", password=***]";
    }
}
