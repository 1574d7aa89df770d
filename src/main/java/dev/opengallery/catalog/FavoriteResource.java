package dev.opengallery.catalog;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
    Favorites favorites;

    @POST
    @Operation(operationId = "addFavorite", summary = "Save a product to your list", description = "The product "
            + "must be listed; a saved "
            + "specification must be one of its own, and saved choices must be ones it can be bought with. Saving "
            + "the same product and specification twice answers 409.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = FavoriteView.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<FavoriteView>> add(@Valid @NotNull FavoriteRequest request) {
        return account.id().chain(me -> favorites.add(me, request))
                .map(f -> RestResponse.ResponseBuilder.<FavoriteView> created(URI.create("/api/favorites/" + f.id()))
                        .entity(f).build());
    }

    @GET
    @Operation(operationId = "listFavorites", summary = "Your favorites", description = "Newest first.")
    public Uni<Page<FavoriteView>> list(@RestQuery Integer page, @RestQuery Integer size) {
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> favorites.list(me, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFavorite", summary = "One of your favorites", description = "The entry a save "
            + "answered "
            + "with in Location: the product, the saved choices and whether the product can still be bought.")
    public Uni<FavoriteView> get(@RestPath UUID id) {
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
    public Uni<FavoritePurchase> purchase(@RestPath UUID id) {
        return account.id().chain(me -> favorites.purchase(id, me));
    }
}
