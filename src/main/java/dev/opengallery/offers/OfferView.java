package dev.opengallery.offers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opengallery.catalog.BillingMode;

@Schema(name = "Offer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferView(
        UUID id,
        UUID sellerId,
        @Schema(example = "CloudWave Software Ltd.") String sellerName,
        UUID customerAccountId,
        UUID productId,
        @Schema(example = "CloudCRM Suite") String productName,
        UUID specificationId,
        @Schema(example = "Team") String specificationName,
        BillingMode billingMode,
        int quantity,
        int periods,
        OfferDiscount.Type discountType,
        @Schema(description = "PERCENTAGE: percent off (0-100 exclusive); FIXED_PRICE: the whole purchase's price", example = "15")
        BigDecimal discountValue,
        String currency,
        @Schema(description = "List price when the offer was made", example = "6000.00") BigDecimal listPrice,
        @Schema(description = "Price with the offer when it was made", example = "5100.00") BigDecimal offerPrice,
        List<BigDecimal> milestones,
        OffsetDateTime expiresAt,
        @Schema(description = "ACTIVE, USED, WITHDRAWN or EXPIRED") String status,
        @Schema(description = "The link the customer orders through") String link,
        @Schema(description = "The link's token") String token,
        UUID usedOrderId,
        String note,
        @Schema(description = "The application requirement this offer answers, if any") UUID requirementId,
        OffsetDateTime createdAt) {
}
