package dev.opengallery.requirements;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
import dev.opengallery.offers.OfferView;
import io.smallrye.mutiny.Uni;

@Path("/api/seller/requirements")
@RolesAllowed(Roles.SELLER)
@Tag(name = "Seller: application requirements")
public class SellerRequirementResource {

    @Inject
    CurrentAccount account;

    @Inject
    Requirements requirements;

    @Inject
    RequirementQueries queries;

    @GET
    @Operation(operationId = "listSellerRequirements", summary = "Buyers' requirements in your categories",
            description = "The published, open requirements of the categories you have a listed product in, newest "
                    + "first: the need and the budget, never the buyer's contact details.")
    public Uni<Page<SellerRequirementView>> list(@RestQuery Integer page, @RestQuery Integer size) {
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> queries.listForSeller(me, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSellerRequirement", summary = "A buyer's requirement", description = "A requirement "
            + "published to a category you have a listed product in (open, or closed since), without the buyer's "
            + "contact details. Another category's, or one never published, answers 404.")
    public Uni<SellerRequirementView> get(@RestPath UUID id) {
        return account.id().chain(me -> queries.findForSeller(id, me));
    }

    @POST
    @Path("/{id}/offers")
    @Operation(operationId = "answerRequirement", summary = "Answer with a private offer", description = "A private "
            + "offer (as POST /api/seller/offers, without customerAccountId: it is addressed to the requirement's "
            + "buyer) for one of your listed products in the requirement's category (another category: 422), linked "
            + "to the requirement. The buyer is told (SMS, e-mail, inbox) and sees it among the requirement's "
            + "answers. You may answer more than once. A requirement no longer published answers 409.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OfferView.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<OfferView>> answer(@RestPath UUID id, @Valid @NotNull RequirementAnswerRequest request) {
        return account.id().chain(me -> requirements.answer(id, me, request))
                .map(o -> RestResponse.ResponseBuilder.<OfferView> created(URI.create("/api/seller/offers/" + o.id()))
                        .entity(o).build());
    }
}
