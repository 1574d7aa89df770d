package dev.opengallery.catalog;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** Sellers release products: drafts, edits, submission for review, withdrawal and delisting. */
@Path("/api/seller/products")
@RolesAllowed(Roles.SELLER)
@Tag(name = "Seller: products")
public class SellerProductResource {

    @Inject
    CurrentAccount account;

    @Inject
    ProductCommands commands;

    @Inject
    CatalogRepository products;

    @POST
    @Operation(operationId = "createProduct", summary = "Create a product draft", description = "The product with "
            + "its specifications and prices. "
            + "It stays a DRAFT, visible only to you, until you submit it and an operator approves it.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ProductView.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ProductView>> create(@Valid @NotNull ProductRequest request) {
        return account.id().chain(seller -> commands.create(seller, request))
                .map(p -> RestResponse.ResponseBuilder.<ProductView> created(URI.create("/api/seller/products/" + p.id()))
                        .entity(p).build());
    }

    @GET
    @Operation(operationId = "listSellerProducts", summary = "Your products", description = "Newest first, in every "
            + "state or in one.")
    public Uni<Page<ProductSummary>> list(@RestQuery String status, @RestQuery Integer page, @RestQuery Integer size) {
        ProductStatus s = Params.enumOf(ProductStatus.class, "status", status);
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(seller -> products.listForSeller(seller, s, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSellerProduct", summary = "One of your products, in any state",
            description = "One of your products in any state, with its specifications, prices, the reason of a "
                    + "rejection or delisting, and its version (send it back when editing).")
    public Uni<ProductView> get(@RestPath UUID id) {
        return account.id().chain(seller -> products.findForSeller(id, seller));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateProduct", summary = "Edit a product", description = "Allowed for DRAFT, "
            + "REJECTED and DELISTED products; the "
            + "product becomes a DRAFT again. Send the version you read: a stale one answers 409. A specification "
            + "whose name stays keeps its id (buyers, offers and favorites go on naming it); one left out is removed; "
            + "buyers keep the prices they bought at.")
    public Uni<ProductView> update(@RestPath UUID id, @Valid @NotNull ProductRequest request) {
        return account.id().chain(seller -> commands.edit(id, seller, request));
    }

    @POST
    @Path("/{id}/submit")
    @Operation(operationId = "submitProduct", summary = "Submit for review", description = "DRAFT, REJECTED or "
            + "DELISTED to IN_REVIEW. Needs your "
            + "seller profile (buyers see its contact details and support range).")
    public Uni<ProductView> submit(@RestPath UUID id) {
        return account.id().chain(seller -> commands.submit(id, seller));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(operationId = "withdrawProduct", summary = "Withdraw from review", description = "IN_REVIEW back to "
            + "DRAFT.")
    public Uni<ProductView> withdraw(@RestPath UUID id) {
        return account.id().chain(seller -> commands.withdraw(id, seller));
    }

    @POST
    @Path("/{id}/delist")
    @Operation(operationId = "delistSellerProduct", summary = "Delist a product", description = "LISTED to "
            + "DELISTED: buyers no longer see it.")
    public Uni<ProductView> delist(@RestPath UUID id) {
        return account.id().chain(seller -> commands.delistBySeller(id, seller));
    }
}
