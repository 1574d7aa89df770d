package dev.opengallery.catalog;

import dev.opengallery.core.ProblemException;

/**
 * What a favorite may hold and how it is bought: saved choices must fit the product (checked with the same pricing
 * function an order uses), and a purchase completes the missing ones with defaults. Plain Java.
 */
public final class FavoriteRules {

    private FavoriteRules() {
    }

    /** Saved choices must be ones the listed product can be bought with (400 naming the field otherwise). */
    public static void check(ProductView p, FavoriteRequest r) {
        if (r.specificationId() == null) {
            if (r.billingMode() != null || r.quantity() != null || r.periods() != null) {
                throw ProblemException.invalid("specificationId", "is required to save a billing mode, quantity or periods");
            }
            return;
        }
        Specification spec = p.specification(r.specificationId());
        if (spec == null) {
            throw ProblemException.invalid("specificationId", "is not a specification of this product");
        }
        if (r.billingMode() != null) {
            QuoteView.of(p, spec, new QuoteRequest(spec.id(), r.billingMode(), r.quantity(), r.periods()));
        } else if (r.quantity() != null || r.periods() != null) {
            throw ProblemException.invalid("billingMode", "is required to save a quantity or periods");
        }
    }

    /**
     * The saved choices completed and priced: the saved specification (else the product's first), the saved billing
     * mode if that specification still offers it (else its first), the saved quantity (else its minimum) and
     * periods (else one).
     */
    public static FavoritePurchase purchase(FavoriteView f, ProductView p) {
        Specification spec = f.specificationId() == null ? null : p.specification(f.specificationId());
        if (spec == null) {
            spec = p.specifications().get(0);
        }
        BillingMode mode = f.billingMode() != null && spec.price(f.billingMode()) != null ? f.billingMode()
                : spec.prices().get(0).billingMode();
        int quantity = f.quantity() == null ? spec.minQuantity() : f.quantity();
        int periods = f.periods() == null ? 1 : f.periods();
        QuoteView quote = QuoteView.of(p, spec, new QuoteRequest(spec.id(), mode, quantity, periods));
        return new FavoritePurchase(f.id(), p.id(), spec.id(), mode, quantity, periods, quote);
    }
}
