package dev.opengallery.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A specification (SKU) of a product and its prices: for every billing mode it offers, the tiers of unit
 * prices (one tier for FLAT and LINEAR).
 */
@Schema(name = "Specification")
public record Specification(
        UUID id,
        @Schema(example = "Standard, up to 50 users") String name,
        String description,
        PricingModel pricingModel,
        @Schema(example = "user", nullable = true) String unit,
        @Schema(example = "1") int minQuantity,
        @Schema(example = "500", nullable = true) Integer maxQuantity,
        @Schema(description = "Prices per billing mode") List<Price> prices) {

    @Schema(name = "Price")
    public record Price(
            BillingMode billingMode,
            @Schema(description = "Unit price (FLAT and LINEAR); for tiered models the first tier's price", example = "12.00") java.math.BigDecimal unitPrice,
            @Schema(description = "Tiers (TIERED and VOLUME); one tier for FLAT and LINEAR") List<Tier> tiers) {
    }

    public Price price(BillingMode mode) {
        for (Price p : prices) {
            if (p.billingMode() == mode) {
                return p;
            }
        }
        return null;
    }

    public Map<BillingMode, List<Tier>> tiersByMode() {
        java.util.EnumMap<BillingMode, List<Tier>> map = new java.util.EnumMap<>(BillingMode.class);
        for (Price p : prices) {
            map.put(p.billingMode(), p.tiers());
        }
        return map;
    }
}
