package dev.opengallery.catalog;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FavoriteRequest", description = "A listed product, optionally with the choices to buy it with")
public record FavoriteRequest(
        @NotNull UUID productId,
        UUID specificationId,
        BillingMode billingMode,
        @Min(1) @Schema(example = "10") Integer quantity,
        @Min(1) @Schema(example = "12") Integer periods) {
}
