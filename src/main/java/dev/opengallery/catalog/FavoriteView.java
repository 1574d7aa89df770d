package dev.opengallery.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's saved product as they see it. */
@Schema(name = "Favorite")
public record FavoriteView(
        UUID id,
        UUID productId,
        @Schema(example = "CloudCRM Suite") String productName,
        ProductType productType,
        @Schema(description = "False once the product is no longer listed: it cannot be bought") boolean available,
        UUID specificationId,
        @Schema(example = "Team") String specificationName,
        @Schema(nullable = true, description = "None unless saved") BillingMode billingMode,
        Integer quantity,
        Integer periods,
        OffsetDateTime createdAt) {
}
