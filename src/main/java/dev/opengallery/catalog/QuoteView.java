package dev.opengallery.catalog;

import java.math.BigDecimal;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A price computed server-side by the catalogue's pricing function. */
@Schema(name = "Quote")
public record QuoteView(
        UUID productId,
        UUID specificationId,
        @Schema(example = "Team") String specificationName,
        BillingMode billingMode,
        PricingModel pricingModel,
        @Schema(example = "25") int quantity,
        @Schema(example = "12") int periods,
        @Schema(description = "Unit price of the tier the quantity falls in", example = "10.00") BigDecimal unitPrice,
        @Schema(description = "That tier") Tier tier,
        @Schema(description = "unitPrice x quantity x periods, rounded half-up to the currency's minor unit", example = "3000.00") BigDecimal amount,
        @Schema(example = "USD") String currency) {

    static QuoteView of(ProductView product, Specification spec, QuoteRequest request) {
        int quantity = request.quantity() == null ? spec.minQuantity() : request.quantity();
        int periods = request.periods() == null ? 1 : request.periods();
        Pricing.Quote q = Pricing.quote(spec, request.billingMode(), quantity, periods,
                java.util.Currency.getInstance(product.currency()));
        return new QuoteView(product.id(), spec.id(), spec.name(), q.billingMode(), spec.pricingModel(), q.quantity(),
                q.periods(), q.unitPrice(), q.tier(), q.amount(), q.currency());
    }

    /** Quotes a listed product: the specification must be one of its own. */
    public static QuoteView quote(ProductView product, QuoteRequest request) {
        Specification spec = product.specification(request.specificationId());
        if (spec == null) {
            throw dev.opengallery.core.ProblemException.invalid("specificationId", "is not a specification of this product");
        }
        return of(product, spec, request);
    }
}
