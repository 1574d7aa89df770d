package dev.opengallery.offers;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

@Path("/api/seller/offers")
@RolesAllowed(Roles.SELLER)
@Tag(name = "Seller: private offers")
public class SellerOfferResource {

    @Inject
    CurrentAccount account;

    @Inject
    OfferService offers;

    @POST
    @Operation(operationId = "createOffer", summary = "Make a private offer", description = "An exclusive discount (percentage, or a fixed price "
            + "for the whole purchase, above 0: an offer never makes a product free) on one of your listed products, for one customer account, for an exact "
            + "specification, billing mode, quantity and duration, until it expires; optionally paid in milestones "
            + "(supervised products). The customer is notified by SMS, email and inbox with the offer's link.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OfferView.class)))
    public Uni<RestResponse<OfferView>> create(@Valid @NotNull OfferRequest request) {
        return account.id().chain(me -> offers.create(me, request))
                .map(o -> RestResponse.ResponseBuilder.<OfferView> created(URI.create("/api/seller/offers/" + o.id()))
                        .entity(o).build());
    }

    @GET
    @Operation(operationId = "listSellerOffers", summary = "Your offers", description = "Newest first.")
    public Uni<Page<OfferView>> list(@RestQuery Integer page, @RestQuery Integer size) {
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> offers.listForSeller(me, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSellerOffer", summary = "One of your offers",
            description = "One of your private offers with its terms, discount, expiry and state.")
    public Uni<OfferView> get(@RestPath UUID id) {
        return account.id().chain(me -> offers.findForSeller(id, me));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(operationId = "withdrawOffer", summary = "Withdraw an unused offer",
            description = "An unused offer can no longer be used by the customer. A used or already withdrawn offer answers 409.")
    public Uni<OfferView> withdraw(@RestPath UUID id) {
        return account.id().chain(me -> offers.withdraw(id, me));
    }
}
