package dev.opengallery.invoicing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An invoice over paid orders. */
@Schema(name = "Invoice")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceView(
        UUID id,
        UUID accountId,
        @Schema(example = "Acme Ltd.") String title,
        @Schema(example = "DE123456789") String taxId,
        @Schema(description = "What was paid for its orders", example = "1320.00") BigDecimal amount,
        @Schema(example = "USD") String currency,
        @Schema(description = "REQUESTED, ISSUED, RETURN_REQUESTED or RETURNED") InvoiceLifecycle.State state,
        @Schema(description = "Given by the operator who issues it", example = "OG-2026-000123") String number,
        @Schema(description = "The last reason given for a return") String note,
        OffsetDateTime requestedAt,
        OffsetDateTime issuedAt,
        OffsetDateTime returnRequestedAt,
        OffsetDateTime returnedAt,
        List<Line> orders,
        @Schema(description = "Details only: every state change") List<Event> history) {

    @Schema(name = "InvoiceLine")
    public record Line(UUID orderId, @Schema(example = "CloudCRM Suite") String productName,
            @Schema(description = "NEW, RENEWAL, UPGRADE or EXPANSION") String kind,
            @Schema(description = "What was paid for the order", example = "660.00") BigDecimal amount,
            OffsetDateTime paidAt) {
    }

    @Schema(name = "InvoiceEvent")
    public record Event(OffsetDateTime at, UUID actorId, String actorRole,
            @Schema(nullable = true, description = "None on the event that requested the invoice")
            InvoiceLifecycle.State fromState,
            InvoiceLifecycle.State toState, String note) {
    }

    @Schema(name = "InvoiceRequest")
    public record Request(
            @NotEmpty @Size(max = 50) @Schema(description = "Your paid orders to invoice (one currency)") List<@NotNull UUID> orderIds,
            @NotBlank @Size(max = 200) @Schema(example = "Acme Ltd.") String title,
            @NotBlank @Size(max = 50) @Schema(example = "DE123456789") String taxId) {
    }

    @Schema(name = "InvoiceReapplyRequest")
    public record Reapply(
            @Size(max = 200) @Schema(description = "A new title; the old one when left out") String title,
            @Size(max = 50) @Schema(description = "A new tax id; the old one when left out") String taxId) {
    }

    @Schema(name = "InvoiceIssueRequest")
    public record Issue(@NotBlank @Size(max = 64) @Schema(example = "OG-2026-000123") String number) {
    }

    @Schema(name = "InvoiceReturnRequest")
    public record Return(@Size(max = 500) @Schema(example = "Wrong tax id") String reason) {
    }
}
