package dev.opengallery.catalog;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a seller sends to create or edit a product (a draft). */
@Schema(name = "ProductRequest")
public record ProductRequest(
        @NotNull ProductType type,
        @NotBlank @Schema(example = "CRM") String categoryCode,
        @NotBlank @Size(max = 200) @Schema(example = "CloudCRM Suite") String name,
        @NotBlank @Size(max = 500) @Schema(example = "Sales pipeline, contacts and quotes in one place") String summary,
        @NotBlank @Size(max = 20000) @Schema(description = "The product page (plain text, up to 20000 characters)",
                example = "CloudCRM Suite manages leads, deals and customer service for teams of 5 to 500.") String description,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
        @Size(max = 500) @Schema(example = "https://docs.example.com/cloudcrm") String guideUrl,
        @Schema(description = "Whether delivery runs through service supervision: always for licenses, professional "
                + "and consulting services; the seller's choice for SaaS; never for the others") Boolean supervised,
        @Size(max = 5000) @Schema(description = "Template the buyer's request follows (SaaS and services)") String requestTemplate,
        @Size(max = 10) @Schema(description = "Recommended security groups (images only)") List<@NotBlank @Size(max = 64) String> securityGroups,
        @Schema(description = "SaaS: the buyer must authorise the use of their contact details") Boolean contactAuthorizationRequired,
        @Size(min = 3, max = 3) @Schema(example = "USD", description = "One of the marketplace's ISO 4217 "
                + "currencies (opengallery.money.currencies, "
                + "default USD and CNY); the first of them when absent") String currency,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid SpecificationRequest> specifications,
        @PositiveOrZero @Schema(description = "On edit: the version read; a stale version answers 409", example = "0") Long version) {

    @Schema(name = "SpecificationRequest")
    public record SpecificationRequest(
            @NotBlank @Size(max = 120) @Schema(example = "Team", description = "Unique within the product. On edit, a "
                    + "specification keeps its id when its name (ignoring case) stays") String name,
            @Size(max = 2000) String description,
            @NotNull PricingModel pricingModel,
            @Size(max = 40) @Schema(example = "user") String unit,
            @Min(1) @Schema(example = "1") Integer minQuantity,
            @Min(1) @Schema(example = "500") Integer maxQuantity,
            @NotEmpty @Size(max = 4) List<@NotNull @Valid PriceRequest> prices) {
    }

    @Schema(name = "PriceRequest", description = "FLAT and LINEAR: unitPrice; TIERED and VOLUME: tiers. Every unit "
            + "price is above zero, with at most the currency's minor digits (PAY_PER_USE: up to 4 decimals)")
    public record PriceRequest(
            @NotNull BillingMode billingMode,
            @Schema(example = "12.00") BigDecimal unitPrice,
            @Size(max = 50) List<@NotNull @Valid TierRequest> tiers) {
    }

    @Schema(name = "TierRequest")
    public record TierRequest(
            @NotNull @Min(1) @Schema(example = "1") Integer from,
            @Schema(example = "10", nullable = true) Integer to,
            @NotNull @Schema(example = "12.00") BigDecimal unitPrice) {
    }
}
