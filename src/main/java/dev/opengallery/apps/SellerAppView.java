package dev.opengallery.apps;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.ProductType;

/** A purchased app of one of the seller's products, as its seller sees it (never with the password). */
@Schema(name = "SellerApp")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SellerAppView(
        UUID id,
        @Schema(description = "The buyer's account") UUID buyerAccountId,
        UUID orderId,
        UUID productId,
        String productName,
        ProductType productType,
        String specificationName,
        int quantity,
        BillingMode billingMode,
        AppStatus status,
        @Schema(description = "False while the buyer's supervision flow is still open (SaaS with supervision)") boolean listed,
        OffsetDateTime startsAt,
        OffsetDateTime expiresAt,
        PurchasedAppView.ApplicationInfoView application) {

    static SellerAppView of(PurchasedApp s) {
        return new SellerAppView(s.id(), s.accountId(), s.orderId(), s.productId(), s.productName(), s.productType(),
                s.specificationName(), s.quantity(), s.billingMode(), s.status(), s.visible(), s.startsAt(),
                s.expiresAt(), AppViews.application(s));
    }
}
