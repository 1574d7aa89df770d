package dev.opengallery.requirements;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/operator/requirements")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: application requirements")
public class OperatorRequirementResource {

    @Inject
    Requirements requirements;

    @Inject
    RequirementQueries queries;

    @GET
    @Operation(operationId = "listOperatorRequirements", summary = "Requirements to review", description = "Oldest "
            + "first; every state unless ?state= (SUBMITTED is the review queue), optionally of one category.")
    public Uni<Page<RequirementView>> list(
            @RestQuery @Parameter(description = "SUBMITTED, PUBLISHED, REJECTED or CLOSED") String state,
            @RestQuery @Parameter(description = "A catalogue category code") String categoryCode,
            @RestQuery Integer page, @RestQuery Integer size) {
        RequirementState s = state == null ? null : Params.enumOf(RequirementState.class, "state", state);
        if (categoryCode != null && (categoryCode.isBlank() || categoryCode.length() > 64)) {
            throw ProblemException.invalid("categoryCode", "must be 1 to 64 characters");
        }
        return queries.listForOperator(s, categoryCode, Params.page(page), Params.size(size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOperatorRequirement", summary = "A requirement in any state", description = "With "
            + "the buyer's contact details and the sellers' answers (without the offers' links).")
    public Uni<RequirementView> get(@RestPath UUID id) {
        return queries.findForOperator(id);
    }

    @POST
    @Path("/{id}/publish")
    @Operation(operationId = "publishRequirement", summary = "Publish a requirement", description = "SUBMITTED to "
            + "PUBLISHED: the sellers with a listed product in its category see it (without the buyer's contact "
            + "details) and are told (inbox and e-mail), and so is the buyer. Any other state answers 409.")
    public Uni<RequirementView> publish(@RestPath UUID id) {
        return requirements.publish(id);
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectRequirement", summary = "Reject a requirement", description = "SUBMITTED to "
            + "REJECTED, with the reason the buyer is told. Any other state answers 409.")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RequirementView> reject(@RestPath UUID id, @Valid @NotNull RejectRequest request) {
        return requirements.reject(id, request.reason());
    }
}
