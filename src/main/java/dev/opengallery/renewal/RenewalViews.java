package dev.opengallery.renewal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opengallery.apps.AppStatus;
import dev.opengallery.apps.PurchasedAppView;
import dev.opengallery.apps.Subscription;
import dev.opengallery.catalog.BillingMode;
import dev.opengallery.ordering.OrderView;
import dev.opengallery.payments.PaymentMethod;

/** Requests and answers of renewals. */
public final class RenewalViews {

    private RenewalViews() {
    }

    @Schema(name = "RenewalQuoteRequest")
    public record QuoteRequest(
            @NotNull @Min(1) @Max(36) @Schema(description = "Periods to add: years (1-5) or months (1-36), as the app's billing mode", example = "1") Integer periods) {
    }

    @Schema(name = "RenewalRequest")
    public record Request(
            @NotNull @Min(1) @Max(36) @Schema(description = "Periods to add: years (1-5) or months (1-36)", example = "1") Integer periods,
            @Schema(description = "BALANCE or CREDIT (a reseller's customer pays nothing)") PaymentMethod paymentMethod,
            @Schema(description = "The expiry you are renewing (the quote's currentExpiry); required unless the "
                    + "request carries an Idempotency-Key. When the app was renewed meanwhile (a second click) the "
                    + "request answers 409 instead of renewing twice", example = "2026-12-25T10:00:00Z")
            OffsetDateTime renewsFrom) {
    }

    @Schema(name = "AutoRenewalRequest")
    public record AutoRequest(
            @NotNull @Min(1) @Max(36) @Schema(description = "Periods each automatic renewal buys", example = "1") Integer periods) {
    }

    @Schema(name = "RenewalQuote")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quote(
            UUID subscriptionId,
            BillingMode billingMode,
            @Schema(example = "1") int periods,
            UUID specificationId,
            String specificationName,
            @Schema(example = "10") int quantity,
            @Schema(example = "10.00") BigDecimal unitPrice,
            @Schema(description = "The product's price for the periods (current catalogue price)", example = "100.00") BigDecimal listPrice,
            @Schema(description = "Images: the image's fee", example = "30.00") BigDecimal imageFee,
            @Schema(description = "Images: the ECS fee", example = "33.60") BigDecimal ecsFee,
            @Schema(example = "100.00") BigDecimal amountDue,
            @Schema(example = "USD") String currency,
            AppStatus status,
            @Schema(description = "The expiry the renewal extends: always the original expiry, also in grace or retention") OffsetDateTime currentExpiry,
            OffsetDateTime newExpiry) {
    }

    @Schema(name = "RenewalResult")
    public record Result(Quote quote, OrderView order, PurchasedAppView app) {
    }

    public record Ref(UUID orderId, Quote quote) {
    }
}
