package dev.opengallery.catalog;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** "Save to List": a customer's favorites, each buyable with the saved choices filled in. */
@Path("/api/favorites")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer: favorites")
public class FavoriteResource {

    @Inject
    CurrentAccount account;

    @Inject
    CatalogRepository products;

    @Inject
    Favorites favorites;

    @Schema(name = "FavoriteRequest", description = "A listed product, optionally with the choices to buy it with")
    public record FavoriteRequest(
            @NotNull UUID productId,
            UUID specificationId,
            BillingMode billingMode,
            @Min(1) @Schema(example = "10") Integer quantity,
            @Min(1) @Schema(example = "12") Integer periods) {
    }

    @Schema(name = "Favorite")
    public record Favorite(
            UUID id,
            UUID productId,
            @Schema(example = "CloudCRM Suite") String productName,
            ProductType productType,
            @Schema(description = "False once the product is no longer listed: it cannot be bought") boolean available,
            UUID specificationId,
            @Schema(example = "Team") String specificationName,
            @Schema(nullable = true, description = "None unless saved") BillingMode billingMode,
            Integer quantity,
            Integer periods,
            OffsetDateTime createdAt) {
    }

    @Schema(name = "FavoritePurchase", description = "The saved choices completed with defaults (first "
            + "specification, its first billing mode, minimum quantity, one period) and priced: ready for an order")
    public record Purchase(UUID favoriteId, UUID productId, UUID specificationId, BillingMode billingMode,
            int quantity, int periods, QuoteView quote) {
    }

    @POST
    @Operation(operationId = "addFavorite", summary = "Save a product to your list", description = "The product "
            + "must be listed; a saved "
            + "specification must be one of its own, and saved choices must be ones it can be bought with. Saving "
            + "the same product and specification twice answers 409.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Favorite.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Favorite>> add(@Valid @NotNull FavoriteRequest request) {
        return products.findListed(request.productId()).map(p -> {
            checkChoices(p, request);
            return p;
        }).chain(p -> account.id().chain(me -> favorites.add(me, p.id(), request)))
                .map(f -> RestResponse.ResponseBuilder.<Favorite> created(URI.create("/api/favorites/" + f.id()))
                        .entity(f).build());
    }

    /** Saved choices must fit the product: checked with the same pricing function an order uses. */
    static void checkChoices(ProductView p, FavoriteRequest r) {
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

    @GET
    @Operation(operationId = "listFavorites", summary = "Your favorites", description = "Newest first.")
    public Uni<Page<Favorite>> list(@RestQuery Integer page, @RestQuery Integer size) {
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> favorites.list(me, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFavorite", summary = "One of your favorites", description = "The entry a save "
            + "answered "
            + "with in Location: the product, the saved choices and whether the product can still be bought.")
    public Uni<Favorite> get(@RestPath UUID id) {
        return account.id().chain(me -> favorites.one(id, me));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "removeFavorite", summary = "Remove a favorite",
            description = "Deletes the entry from your list. The product itself is not affected; another account's "
                    + "entry answers 404.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<RestResponse<Void>> remove(@RestPath UUID id) {
        return account.id().chain(me -> favorites.remove(id, me)).map(x -> RestResponse.noContent());
    }

    @GET
    @Path("/{id}/purchase")
    @Operation(operationId = "getFavoritePurchase", summary = "Buy from your list", description = "The saved "
            + "choices, completed and priced, ready to "
            + "place an order with. 404 when the product is no longer listed.")
    public Uni<Purchase> purchase(@RestPath UUID id) {
        return account.id().chain(me -> favorites.one(id, me)).chain(f -> products.findListed(f.productId()).map(p -> {
            Specification spec = f.specificationId() == null ? null : p.specification(f.specificationId());
            if (spec == null) {
                spec = p.specifications().get(0);
            }
            BillingMode mode = f.billingMode() != null && spec.price(f.billingMode()) != null ? f.billingMode()
                    : spec.prices().get(0).billingMode();
            int quantity = f.quantity() == null ? spec.minQuantity() : f.quantity();
            int periods = f.periods() == null ? 1 : f.periods();
            QuoteView quote = QuoteView.of(p, spec, new QuoteRequest(spec.id(), mode, quantity, periods));
            return new Purchase(f.id(), p.id(), spec.id(), mode, quantity, periods, quote);
        }));
    }
}
