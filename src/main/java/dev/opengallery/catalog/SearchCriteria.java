package dev.opengallery.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;

/** What a buyer searches for. Every field is optional. */
public record SearchCriteria(
        String text,
        String categoryCode,
        ProductType type,
        BillingMode billingMode,
        UUID sellerId,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        Sort sort,
        int page,
        int size) {

    @Schema(name = "SearchSort")
    public enum Sort {
        /** Full-text rank (only with a text query; without one it falls back to NEWEST). */
        RELEVANCE,
        /** Paid orders over the last 30 days. */
        POPULARITY,
        PRICE_ASC,
        PRICE_DESC,
        NEWEST
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public Sort effectiveSort() {
        if (sort == null) {
            return hasText() ? Sort.RELEVANCE : Sort.NEWEST;
        }
        return sort == Sort.RELEVANCE && !hasText() ? Sort.NEWEST : sort;
    }
}
