package dev.opengallery.apps;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.UUID;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.catalog.SellerInfo;

/**
 * A purchased app as views and pricing see it (the read model; the aggregate is {@link Subscription}), read from
 * {@code subscription} with what its original order and product add. Internal: never serialised as such (it knows whether a password is stored, never the password).
 */
public record PurchasedApp(
        UUID id,
        UUID accountId,
        UUID orderId,
        UUID productId,
        String productName,
        ProductType productType,
        String productGuideUrl,
        UUID specificationId,
        String specificationName,
        PricingModel pricingModel,
        BillingMode billingMode,
        int quantity,
        BigDecimal discountRate,
        BigDecimal amountPaid,
        String currency,
        OffsetDateTime startsAt,
        OffsetDateTime expiresAt,
        AppStatus status,
        boolean visible,
        String ecsId,
        OffsetDateTime createdAt,
        long version,
        UUID sellerId,
        SellerInfo seller,
        String ecsFlavor,
        boolean paidByReseller,
        OffsetDateTime termStartsAt,
        int termPeriods,
        BigDecimal termListPrice,
        int periodsBought,
        boolean autoRenew,
        Integer autoRenewPeriods,
        OffsetDateTime autoRenewNextTry,
        int autoRenewFailures,
        String autoRenewError,
        OffsetDateTime graceAt,
        OffsetDateTime retentionAt,
        OffsetDateTime releasedAt,
        OffsetDateTime unsubscribedAt,
        BigDecimal refundAmount,
        String appUsername,
        boolean appPasswordSet,
        String appManagementUrl,
        String appFrontendUrl,
        String appGuideUrl,
        OffsetDateTime appInfoUpdatedAt) {

    public Currency money() {
        return Currency.getInstance(currency);
    }

    /** Yearly and monthly subscriptions expire, renew and go through grace and retention. */
    public boolean periodic() {
        return (billingMode == BillingMode.YEARLY || billingMode == BillingMode.MONTHLY) && expiresAt != null;
    }

    public ChangeFees.Term term() {
        return new ChangeFees.Term(termStartsAt.toInstant(), expiresAt.toInstant(), termPeriods, termListPrice);
    }

    /** The expiry after {@code periods} more periods, counted from the start so that month ends do not drift. */
    public OffsetDateTime expiryAfter(int periods) {
        return SubscriptionRules.expiry(startsAt, billingMode, periodsBought + periods);
    }

    public Instant expiry() {
        return expiresAt == null ? null : expiresAt.toInstant();
    }
}
