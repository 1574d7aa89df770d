package dev.opengallery.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product with its specifications, prices and seller contact. */
@Schema(name = "Product")
public record ProductView(
        UUID id,
        ProductType type,
        @Schema(example = "CRM") String categoryCode,
        @Schema(example = "CloudCRM Suite") String name,
        String summary,
        String description,
        List<String> tags,
        String guideUrl,
        boolean supervised,
        String requestTemplate,
        List<String> securityGroups,
        boolean contactAuthorizationRequired,
        @Schema(example = "USD") String currency,
        @Schema(description = "Lowest unit price of any specification and billing mode", example = "9.90") BigDecimal fromPrice,
        List<BillingMode> billingModes,
        ProductStatus status,
        @Schema(description = "Why the product was rejected or delisted") String statusReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime submittedAt,
        OffsetDateTime listedAt,
        @Schema(description = "Send it back when editing", example = "3") long version,
        List<Specification> specifications,
        @Schema(description = "Seller contact and support range; null until the seller has a profile") SellerInfo seller) {

    public Specification specification(UUID specificationId) {
        for (Specification s : specifications) {
            if (s.id().equals(specificationId)) {
                return s;
            }
        }
        return null;
    }
}
