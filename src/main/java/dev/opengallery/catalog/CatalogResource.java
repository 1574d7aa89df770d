package dev.opengallery.catalog;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.opengallery.core.Params;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;

/** What anyone browsing the marketplace sees: listed products only. */
@Path("/api/catalog")
@PermitAll
@Tag(name = "Catalogue")
public class CatalogResource {

    @Inject
    CatalogRepository products;

    @Inject
    CatalogSearch search;

    @Inject
    SellerProfiles profiles;

    @GET
    @Path("/products")
    @Operation(operationId = "searchProducts", summary = "Search listed products", description = "Full-text search "
            + "over name, summary, tags and "
            + "description (web search syntax: words, \"quoted phrases\", -excluded, or), with filters, sorting and "
            + "paging. Price filters and sorting use each product's lowest unit price (fromPrice). Sort defaults to "
            + "RELEVANCE with a query (best score first; products of equal score newest listed first), "
            + "NEWEST without. The total is exact up to 1,000 matches; past that it is 1,000 with totalCapped true "
            + "(shown as totalText \"1,000+\"), and every page, also past 1,000, is still served. The same search asked again within 30 seconds is answered from a "
            + "short-lived result cache: the sales figures in it may be that old (listing changes show at once). "
            + "Searches run a few at a time per instance, the others waiting their turn; when too many are waiting "
            + "the answer is 503 with Retry-After. A marketplace may run its searches on OpenSearch (same fields, "
            + "weights, filters, sorts and totals; its own scores, so equally good matches can come in another "
            + "order); while OpenSearch cannot answer, and for pages past the 10,000th result, the database answers.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SearchPage.class)))
    @APIResponse(responseCode = "503", description = "Too many searches are waiting, or the database or the identity "
            + "provider cannot be reached: retry after the Retry-After seconds")
    public Uni<SearchPage> search(
            @RestQuery @Parameter(description = "Search text", example = "wordpress hosting") String q,
            @RestQuery @Parameter(example = "CRM") String category,
            @RestQuery @Parameter(schema = @Schema(implementation = ProductType.class)) String type,
            @RestQuery @Parameter(schema = @Schema(implementation = BillingMode.class)) String billingMode,
            @RestQuery @Parameter(description = "Seller account id",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String sellerId,
            @RestQuery @Parameter(description = "Lowest fromPrice, in the product's currency",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "0"), example = "10") String minPrice,
            @RestQuery @Parameter(description = "Highest fromPrice, in the product's currency",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "0"), example = "500") String maxPrice,
            @RestQuery @Parameter(schema = @Schema(implementation = SearchCriteria.Sort.class)) String sort,
            @RestQuery @Parameter(example = "0") Integer page,
            @RestQuery @Parameter(example = "20") Integer size) {
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        var min = Params.decimal("minPrice", minPrice);
        var max = Params.decimal("maxPrice", maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ProblemException.invalid("maxPrice", "must not be less than minPrice");
        }
        SearchCriteria criteria = new SearchCriteria(q, blankToNull(category),
                Params.enumOf(ProductType.class, "type", type),
                Params.enumOf(BillingMode.class, "billingMode", billingMode), Params.uuid("sellerId", sellerId), min,
                max, Params.enumOf(SearchCriteria.Sort.class, "sort", sort), Params.page(page), Params.size(size));
        return search.search(criteria);
    }

    @GET
    @Path("/products/{id}")
    @Operation(operationId = "getProduct", summary = "Product details", description = "Specifications and prices, "
            + "seller contact and support "
            + "range, product guide. Unlisted products answer 404.")
    public Uni<ProductView> product(@RestPath UUID id) {
        return products.findListed(id);
    }

    @POST
    @Path("/products/{id}/quote")
    @Operation(operationId = "quoteProduct", summary = "Price a purchase", description = "The price of a "
            + "specification for a billing mode, "
            + "quantity and number of periods, from the same pricing function orders use. Changes nothing.")
    public Uni<QuoteView> quote(@RestPath UUID id, @Valid @NotNull QuoteRequest request) {
        return products.quote(id, request);
    }

    @GET
    @Path("/categories")
    @Operation(operationId = "listCategories", summary = "Categories", description = "Every category, grouped as on "
            + "the marketplace's "
            + "menu. Not paged: the categories are a short fixed list (the menu shows them all).")
    public Uni<List<CatalogRepository.Category>> categories() {
        return products.categories();
    }

    @GET
    @Path("/popular")
    @Operation(operationId = "listPopularProducts", summary = "Popular applications", description = "Listed "
            + "products with the most paid orders over the "
            + "last 30 days, most first. Products without paid orders in that window are not listed here. Not paged: "
            + "the top `limit` (1 to 50, default 10) only. On OpenSearch the counts are those of the product's last "
            + "indexing.")
    public Uni<List<ProductSummary>> popular(@RestQuery @Parameter(description = "How many products",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "10"), example = "10")
            Integer limit) {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > 50) {
            throw ProblemException.invalid("limit", "must be between 1 and 50");
        }
        return search.popular(n);
    }

    @Schema(name = "SellerDetails", description = "A seller as buyers see it")
    public record SellerPage(SellerInfo seller, @Schema(example = "12") long listedProducts) {
    }

    @GET
    @Path("/sellers/{id}")
    @Operation(operationId = "getSeller", summary = "Seller information", description = "Company, customer-service "
            + "email and phone, support "
            + "range, and how many products the seller lists. Sellers without listed products answer 404.")
    public Uni<SellerPage> seller(@RestPath UUID id) {
        return profiles.page(id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
