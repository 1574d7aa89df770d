package dev.opengallery.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** A product request after {@link ProductRules} checked and normalised it. */
public record ProductDraft(
        ProductType type,
        String categoryCode,
        String name,
        String summary,
        String description,
        List<String> tags,
        String guideUrl,
        boolean supervised,
        String requestTemplate,
        List<String> securityGroups,
        boolean contactAuthorizationRequired,
        String currency,
        List<Specification> specifications) {

    /** Lowest unit price of any tier, specification and billing mode: the "from" price buyers filter on. */
    public BigDecimal fromPrice() {
        BigDecimal min = null;
        for (Specification s : specifications) {
            for (Specification.Price p : s.prices()) {
                for (Tier t : p.tiers()) {
                    if (min == null || t.unitPrice().compareTo(min) < 0) {
                        min = t.unitPrice();
                    }
                }
            }
        }
        return min;
    }

    public List<String> billingModes() {
        Set<BillingMode> modes = java.util.EnumSet.noneOf(BillingMode.class);
        for (Specification s : specifications) {
            for (Specification.Price p : s.prices()) {
                modes.add(p.billingMode());
            }
        }
        return modes.stream().map(Enum::name).toList();
    }
}
