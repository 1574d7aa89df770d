package dev.opengallery.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product as listed in search results and lists. */
@Schema(name = "ProductSummary")
public record ProductSummary(
        UUID id,
        @Schema(example = "CloudCRM Suite") String name,
        String summary,
        ProductType type,
        @Schema(example = "CRM") String categoryCode,
        List<String> tags,
        @Schema(example = "9.90") BigDecimal fromPrice,
        @Schema(example = "USD") String currency,
        List<BillingMode> billingModes,
        UUID sellerId,
        @Schema(example = "CloudWave Software Ltd.") String sellerName,
        ProductStatus status,
        OffsetDateTime listedAt,
        @Schema(description = "Paid orders over the last 30 days", example = "42") long paidOrdersLast30Days) {
}
