package dev.opengallery.apps;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opengallery.ordering.OrderView;
import dev.opengallery.payments.PaymentMethod;

/** Requests and answers of specification upgrades and capacity expansion. */
public final class ChangeRequests {

    private ChangeRequests() {
    }

    @Schema(name = "UpgradeRequest")
    public record Upgrade(
            @NotNull @Schema(description = "The specification to move to (of the same product)") UUID specificationId,
            @Min(1) @Max(1_000_000) @Schema(description = "Quantity on the new specification; the current one when left out", example = "10") Integer quantity,
            @Schema(description = "BALANCE or CREDIT; required to order, ignored by the quote (a reseller's customer pays nothing)") PaymentMethod paymentMethod) {
    }

    @Schema(name = "ExpansionRequest")
    public record Expansion(
            @NotNull @Min(1) @Max(1_000_000) @Schema(description = "Units (users) to add", example = "5") Integer addedQuantity,
            @Schema(description = "BALANCE or CREDIT; required to order, ignored by the quote") PaymentMethod paymentMethod) {
    }

    /** A change's fee and its working, as the guide's formulas compute it. */
    @Schema(name = "ChangeQuote")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quote(
            UUID subscriptionId,
            @Schema(description = "UPGRADE or EXPANSION") String kind,
            @Schema(description = "UPGRADE, EXPANSION_TOTAL (LINEAR/TIERED, or any model bought before the cutover) or EXPANSION_ADDED_UNITS (VOLUME)") ChangeFees.Rule rule,
            @Schema(example = "USD") String currency,
            UUID fromSpecificationId,
            String fromSpecificationName,
            int fromQuantity,
            UUID toSpecificationId,
            String toSpecificationName,
            int toQuantity,
            Integer addedQuantity,
            @Schema(description = "Bought before the capacity-expansion cutover (2023-06-12): every model is priced on the total") boolean boughtBeforeCutover,
            OffsetDateTime changeAt,
            OffsetDateTime termStartsAt,
            OffsetDateTime expiresAt,
            @Schema(description = "Periods in the current term", example = "1") int termPeriods,
            @Schema(description = "Calendar days in the current term", example = "31") long termDays,
            @Schema(description = "Whole days from now to the expiry, a started day counting whole", example = "16") long remainingDays,
            @Schema(description = "The rate the subscription was bought with (1 = none)", example = "1") BigDecimal discount,
            @Schema(description = "Price of the original configuration for the term", example = "300.00") BigDecimal originalTermPrice,
            @Schema(description = "Price of the new configuration for the term", example = "600.00") BigDecimal newTermPrice,
            @Schema(description = "Unit price of the tier the new total falls in (expansion)", example = "10.00") BigDecimal newUnitPrice,
            @Schema(description = "Original price / term days (shown with 6 decimals)", example = "9.677419") BigDecimal originalDailyPrice,
            @Schema(description = "New price / term days; for VOLUME the daily unit price (6 decimals)", example = "19.354839") BigDecimal newDailyPrice,
            @Schema(description = "First term of the formula (6 decimals)", example = "309.677419") BigDecimal newTerm,
            @Schema(description = "Second term of the formula (6 decimals)", example = "154.838710") BigDecimal originalTerm,
            @Schema(description = "The formula's exact result (6 decimals)", example = "154.838710") BigDecimal exactFee,
            @Schema(description = "What the order charges: the exact result rounded half-up once", example = "154.84") BigDecimal fee,
            @Schema(example = "19.354839 x 16 x 1 - 9.677419 x 16 x 1 = 154.838710 -> 154.84") String formula) {
    }

    /** What ordering a change answers: the order (paid) and the app as it is now. */
    @Schema(name = "ChangeResult")
    public record Result(Quote quote, OrderView order, PurchasedAppView app) {
    }

    /** What the idempotent part of ordering a change stores and replays. */
    public record Ref(UUID orderId, Quote quote) {
    }
}
