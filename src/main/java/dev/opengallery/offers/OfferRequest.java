package dev.opengallery.offers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.opengallery.catalog.BillingMode;

/** A seller's exclusive offer for one customer account. */
@Schema(name = "OfferRequest")
public record OfferRequest(
        @NotNull @Schema(description = "The customer's account id (GET /api/account shows it to the customer)") UUID customerAccountId,
        @NotNull UUID productId,
        @NotNull UUID specificationId,
        @NotNull BillingMode billingMode,
        @Min(1) @Schema(description = "Quantity or capacity; defaults to the specification's minimum", example = "50") Integer quantity,
        @Min(1) @Schema(description = "Duration in periods; defaults to 1", example = "1") Integer periods,
        @NotNull OfferDiscount.Type discountType,
        @NotNull @Schema(description = "PERCENTAGE: percent off (0-100, exclusive); FIXED_PRICE: the whole purchase's price (above "
                + "0, below the list price). An offer never makes a product free: a discount leaving nothing to pay is refused", example = "15") BigDecimal discountValue,
        @NotNull @Schema(description = "After this the offer cannot be used", example = "2026-12-31T23:59:59Z") OffsetDateTime expiresAt,
        @Size(max = 12) @Schema(description = "Milestone payment plan: percentages summing to 100", example = "[30, 40, 30]") List<BigDecimal> milestones,
        @Size(max = 1000) String note) {
}
