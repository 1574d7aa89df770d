package dev.opengallery.requirements;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.offers.OfferDiscount;
import dev.opengallery.offers.OfferView;

/** A seller's private offer answering a requirement, as the buyer (and operators) see it in the requirement. */
@Schema(name = "RequirementAnswer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequirementAnswer(
        UUID offerId,
        UUID sellerId,
        @Schema(example = "CloudWave Software Ltd.") String sellerName,
        UUID productId,
        @Schema(example = "CloudCRM Suite") String productName,
        UUID specificationId,
        @Schema(example = "Team") String specificationName,
        BillingMode billingMode,
        int quantity,
        int periods,
        OfferDiscount.Type discountType,
        @Schema(example = "15") BigDecimal discountValue,
        @Schema(example = "USD") String currency,
        @Schema(description = "List price when the offer was made", example = "6000.00") BigDecimal listPrice,
        @Schema(description = "Price with the offer when it was made", example = "5100.00") BigDecimal offerPrice,
        OffsetDateTime expiresAt,
        @Schema(description = "ACTIVE, USED, WITHDRAWN or EXPIRED") String status,
        @Schema(description = "The offer's link the buyer orders through (the buyer's view only)") String link,
        UUID usedOrderId,
        String note,
        OffsetDateTime createdAt) {

    static RequirementAnswer of(OfferView o, boolean withLink) {
        return new RequirementAnswer(o.id(), o.sellerId(), o.sellerName(), o.productId(), o.productName(),
                o.specificationId(), o.specificationName(), o.billingMode(), o.quantity(), o.periods(), o.discountType(),
                o.discountValue(), o.currency(), o.listPrice(), o.offerPrice(), o.expiresAt(), o.status(),
                withLink ? o.link() : null, o.usedOrderId(), o.note(), o.createdAt());
    }
}
