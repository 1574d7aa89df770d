package dev.opengallery.requirements;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.offers.OfferDiscount;
import dev.opengallery.offers.OfferRequest;

/**
 * A seller's answer to a published requirement: a private offer (the body of POST /api/seller/offers without the
 * customer, who is the requirement's buyer) for one of the seller's listed products in the requirement's category.
 */
@Schema(name = "RequirementAnswerRequest")
public record RequirementAnswerRequest(
        @NotNull UUID productId,
        @NotNull UUID specificationId,
        @NotNull BillingMode billingMode,
        @Min(1) @Schema(description = "Quantity or capacity; defaults to the specification's minimum", example = "40") Integer quantity,
        @Min(1) @Schema(description = "Duration in periods; defaults to 1", example = "12") Integer periods,
        @NotNull OfferDiscount.Type discountType,
        @NotNull @Schema(description = "PERCENTAGE: percent off (0-100, exclusive); FIXED_PRICE: the whole purchase's price "
                + "(above 0, below the list price)", example = "15") BigDecimal discountValue,
        @NotNull @Schema(description = "After this the offer cannot be used", example = "2026-12-31T23:59:59Z") OffsetDateTime expiresAt,
        @Size(max = 12) @Schema(description = "Milestone payment plan: percentages summing to 100", example = "[30, 40, 30]") List<BigDecimal> milestones,
        @Size(max = 1000) String note) {

    /** The private offer it makes, addressed to the requirement's buyer. */
    OfferRequest offerFor(UUID buyerAccountId) {
        return new OfferRequest(buyerAccountId, productId, specificationId, billingMode, quantity, periods, discountType,
                discountValue, expiresAt, milestones, note);
    }
}
