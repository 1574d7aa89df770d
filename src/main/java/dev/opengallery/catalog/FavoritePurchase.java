package dev.opengallery.catalog;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FavoritePurchase", description = "The saved choices completed with defaults (first "
        + "specification, its first billing mode, minimum quantity, one period) and priced: ready for an order")
public record FavoritePurchase(UUID favoriteId, UUID productId, UUID specificationId, BillingMode billingMode,
        int quantity, int periods, QuoteView quote) {
}
