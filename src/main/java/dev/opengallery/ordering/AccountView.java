package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Account", description = "A customer's money: balance (below zero only within the credit limit)")
public record AccountView(
        UUID id,
        @Schema(example = "alice") String subject,
        @Schema(example = "USD") String currency,
        @Schema(description = "The sum of the ledger", example = "120.50") BigDecimal balance,
        @Schema(description = "Postpaid credit an operator granted", example = "500.00") BigDecimal creditLimit,
        @Schema(description = "What can still be paid on credit: balance + credit limit", example = "620.50") BigDecimal availableCredit,
        @Schema(description = "The reseller this account belongs to; its orders are paid by the reseller") String reseller,
        @Schema(description = "Offer credit for milestone payments, separate from the platform's credit", example = "10000.00") BigDecimal offerCreditLimit,
        @Schema(description = "Offer credit taken by milestone orders and not yet settled", example = "2500.00") BigDecimal offerCreditUsed) {
}
