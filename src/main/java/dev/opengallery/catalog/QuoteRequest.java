package dev.opengallery.catalog;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A price question: a specification, billing mode, quantity and number of periods. */
@Schema(name = "QuoteRequest")
public record QuoteRequest(
        @NotNull UUID specificationId,
        @NotNull BillingMode billingMode,
        @Min(1) @Schema(description = "Defaults to the specification's minimum quantity", example = "25") Integer quantity,
        @Min(1) @Schema(description = "Years, months or hours (pay-per-use); 1 for one-time. Defaults to 1", example = "12") Integer periods) {
}
