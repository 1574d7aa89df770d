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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.Roles;
import dev.opengallery.payments.Idempotency;
import io.smallrye.mutiny.Uni;

@Path("/api/requirements")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Application requirements")
public class CustomerRequirementResource {

    @Inject
    CurrentAccount account;

    @Inject
    Requirements requirements;

    @Inject
    RequirementQueries queries;

    @POST
    @Operation(operationId = "postRequirement", summary = "Post an application requirement", description = "When no "
            + "application in the catalogue meets a need (FAQ 10.9): the need, the contact details the marketplace may "
            + "use (company, contact person, phone, e-mail; never shown to sellers), a catalogue category and an "
            + "optional budget range. An operator reviews it and publishes it to the sellers of the category, who "
            + "answer with private offers addressed to you. It closes by itself 60 days after it is posted. "
            + "Accepts an Idempotency-Key: a retry with the same key and body answers the first requirement and "
            + "posts nothing.")
    @APIResponse(responseCode = "201", description = "Posted (SUBMITTED)", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = RequirementView.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<RequirementView>> post(@Valid @NotNull RequirementRequest request,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        return account.id().chain(me -> requirements.post(me, request, idempotencyKey))
                .map(r -> RestResponse.ResponseBuilder.fromResponse(r)
                        .location(URI.create("/api/requirements/" + r.getEntity().id())).build());
    }

    @GET
    @Operation(operationId = "listRequirements", summary = "Your requirements", description = "Newest first, in "
            + "every state.")
    public Uni<Page<RequirementView>> list(@RestQuery Integer page, @RestQuery Integer size) {
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> queries.listForBuyer(me, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRequirement", summary = "One of your requirements", description = "With its state "
            + "and the sellers' answers: each a private offer for you (product, seller, price and discount, expiry, "
            + "state and the link to order through).")
    public Uni<RequirementView> get(@RestPath UUID id) {
        return account.id().chain(me -> queries.findForBuyer(id, me));
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeRequirement", summary = "Close a requirement", description = "When you are served "
            + "(or no longer need it): a SUBMITTED or PUBLISHED requirement becomes CLOSED; sellers can no longer "
            + "answer it. The offers you received stay usable until they expire. A closed or rejected one answers 409.")
    public Uni<RequirementView> close(@RestPath UUID id) {
        return account.id().chain(me -> requirements.close(id, me));
    }
}
