package dev.opengallery.apps;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.catalog.SellerInfo;

/** A purchased app as its buyer sees it: basic information, seller information, and for SaaS its application. */
@Schema(name = "PurchasedApp")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PurchasedAppView(
        UUID id,
        @Schema(description = "The order that bought it") UUID orderId,
        UUID productId,
        @Schema(example = "CloudCRM Suite") String productName,
        ProductType productType,
        UUID specificationId,
        @Schema(example = "Team") String specificationName,
        PricingModel pricingModel,
        BillingMode billingMode,
        @Schema(example = "10") int quantity,
        @Schema(example = "USD") String currency,
        @Schema(description = "Paid for it so far (purchase, renewals, changes); 0 when a reseller pays", example = "1200.00") BigDecimal amountPaid,
        @Schema(description = "Discount rate it was bought with (1 = none)", example = "0.85") BigDecimal discountRate,
        OffsetDateTime startsAt,
        @Schema(description = "Yearly/monthly only") OffsetDateTime expiresAt,
        @Schema(description = "ACTIVE, GRACE, RETENTION, RELEASED, UNSUBSCRIBED or CANCELED") AppStatus status,
        @Schema(description = "Yearly/monthly: end of the grace period (expiry + 15 days)") OffsetDateTime graceEndsAt,
        @Schema(description = "Yearly/monthly: when it is released unless renewed (expiry + 30 days)") OffsetDateTime releasesAt,
        OffsetDateTime releasedAt,
        OffsetDateTime unsubscribedAt,
        @Schema(description = "What unsubscribing refunded", example = "338.49") BigDecimal refundAmount,
        @Schema(description = "Images: the ECS it runs on") String ecsId,
        AutoRenewalView autoRenewal,
        SellerInfo seller,
        @Schema(description = "SaaS only: the application, as the seller supplied it (the password only through the reveal call)") ApplicationInfoView application,
        @Schema(description = "Details only: what happened to it") List<Subscriptions.Event> history) {

    @Schema(name = "AutoRenewal")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AutoRenewalView(
            boolean enabled,
            @Schema(description = "Periods (months or years, as the billing mode) each renewal buys", example = "1") Integer periods,
            @Schema(description = "When the job will next try (7 days before expiry, then daily while payment fails)") OffsetDateTime nextAttemptAt,
            @Schema(description = "Failed attempts since the last success", example = "0") int failures,
            @Schema(description = "Why the last attempt failed") String lastError) {
    }

    @Schema(name = "ApplicationInfo", description = "Never contains the password")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationInfoView(
            @Schema(description = "False until the seller supplies it") boolean supplied,
            @Schema(example = "admin@acme") String username,
            @Schema(description = "True when an initial password is stored: reveal it with POST /api/apps/{id}/password/reveal") boolean passwordAvailable,
            @Schema(example = "https://admin.cloudcrm.example/acme") String managementUrl,
            @Schema(example = "https://acme.cloudcrm.example") String frontendUrl,
            @Schema(description = "The seller's guide for this app, else the product guide") String guideUrl,
            OffsetDateTime updatedAt) {
    }
}
