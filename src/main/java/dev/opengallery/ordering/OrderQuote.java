package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.Tier;

/** The price of an order before it is placed: the image fee and the ECS fee apart for images. */
@Schema(name = "OrderQuote")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderQuote(
        UUID productId,
        UUID specificationId,
        BillingMode billingMode,
        int quantity,
        int periods,
        @Schema(example = "10.00") BigDecimal unitPrice,
        Tier tier,
        @Schema(description = "Product price before discount", example = "100.00") BigDecimal listPrice,
        @Schema(example = "0.00") BigDecimal discount,
        @Schema(description = "Images: the image's fee (list price less discount)", example = "30.00") BigDecimal imageFee,
        @Schema(description = "Images: the ECS fee; hourly for pay-per-use", example = "33.60") BigDecimal ecsFee,
        @Schema(description = "Images: the ECS flavour priced") String ecsFlavor,
        @Schema(description = "Due when the order is paid; 0 for pay-per-use images, billed by the hour",
                example = "100.00") BigDecimal amountDue,
        String currency,
        @Schema(description = "True when a reseller pays: the amount is for reference") boolean paidByReseller) {
}
