package dev.opengallery.catalog;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of search results. The total is exact up to the cap ({@code opengallery.catalog.search.total-cap},
 * 1,000): past it the search stops counting and answers the cap with {@code totalCapped} ("1,000+"); pages past the
 * cap are still served.
 */
@Schema(name = "ProductSearchPage", description = "One page of search results: the items, how many products match "
        + "(exact up to 1,000; past that 1,000 with totalCapped true), and the page and size asked for")
public record SearchPage(
        @Schema(description = "Products on this page") List<ProductSummary> items,
        @Schema(description = "Number of matching products, exact up to the cap (1,000); the cap when "
                + "totalCapped is true (there are more)", example = "137") long total,
        @Schema(description = "True when more products match than the cap: total is then the cap and counts "
                + "\"at least\"; pages past it are still served", example = "false") boolean totalCapped,
        @Schema(description = "The total as a buyer reads it: \"137\", or \"1,000+\" when capped", example = "137")
        String totalText,
        @Schema(description = "Page number, from 0", example = "0") int page,
        @Schema(description = "Page size", example = "20") int size) {

    /** A page from the number of matches counted (at most cap + 1 on the ranked path, exact on the fallback). */
    public static SearchPage of(List<ProductSummary> items, long counted, int cap, int page, int size) {
        boolean capped = counted > cap;
        long total = capped ? cap : counted;
        return new SearchPage(List.copyOf(items), total, capped,
                String.format(Locale.ROOT, "%,d", total) + (capped ? "+" : ""), page, size);
    }
}
