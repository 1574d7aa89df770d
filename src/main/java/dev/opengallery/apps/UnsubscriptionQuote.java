package dev.opengallery.apps;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Whether an app can be unsubscribed, by which rule, and what would be refunded. */
@Schema(name = "UnsubscriptionQuote")
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnsubscriptionQuote(
        UUID subscriptionId,
        boolean allowed,
        @Schema(description = "FULL_REFUND, PRORATED_REFUND, or why not: NOT_UNSUBSCRIBABLE, INVOICE_ISSUED, NOT_LIVE") UnsubscriptionRules.Rule rule,
        @Schema(example = "Refund = amount paid x unused days / days bought, rounded down") String explanation,
        @Schema(example = "USD") String currency,
        @Schema(description = "Paid from the balance or on credit for this app (purchase, renewals)", example = "360.00") BigDecimal amountPaid,
        @Schema(example = "365") Long daysBought,
        @Schema(description = "Whole days left until the expiry", example = "200") Long unusedDays,
        @Schema(example = "197.26") BigDecimal refund,
        OffsetDateTime purchasedAt,
        @Schema(description = "Until then everything paid is refunded") OffsetDateTime fullRefundUntil,
        @Schema(description = "Invoices that block it until they are returned") List<UUID> blockingInvoices) {
}
