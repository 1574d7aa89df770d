package dev.opengallery.supervision;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

/** The operations manager's side: every flow, the appeal queue and decisions (the jobs run through jobs.JobsResource). */
@Path("/api/operator")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: service supervision")
public class OperatorSupervisionResource {

    @Inject
    CurrentAccount account;

    @Inject
    FlowCommands commands;

    @Inject
    FlowQueries queries;

    Uni<Who> me() {
        return account.id().map(id -> new Who(Actor.OPERATOR, id));
    }

    @GET
    @Path("/supervision/flows")
    @Operation(operationId = "listOperatorFlows", summary = "All service flows", description = FlowHttp.LIST_DESCRIPTION)
    public Uni<Page<FlowViews.FlowSummary>> list(@RestQuery String state, @RestQuery String type,
            @RestQuery String productName, @RestQuery String orderId, @RestQuery String from, @RestQuery String to,
            @RestQuery String frozen, @RestQuery Integer page, @RestQuery Integer size) {
        FlowQueries.Filter f = FlowHttp.filter(state, type, productName, orderId, from, to, frozen);
        int p = Params.page(page);
        int n = Params.size(size);
        return me().chain(who -> queries.list(who, f, p, n));
    }

    @GET
    @Path("/supervision/flows/{id}")
    @Operation(operationId = "getOperatorFlow", summary = "Any service flow, with its records and appeals",
            description = "Any service flow with its operation records, attachments and appeals.")
    public Uni<FlowViews.FlowView> get(@RestPath UUID id) {
        return me().chain(who -> queries.find(id, who));
    }

    @GET
    @Path("/supervision/flows/{id}/attachments/{attachmentId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "downloadOperatorFlowAttachment", summary = "Download an attachment of any flow",
            description = "The attachment's bytes with its stored content type and file name (Content-Disposition). "
                    + "Operators may download the attachments of any flow.")
    @APIResponse(responseCode = "200", description = "The file, with its content type", content = @Content(
            mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> download(@RestPath UUID id, @RestPath UUID attachmentId) {
        return me().chain(who -> queries.download(who, id, attachmentId)).map(FlowHttp::download);
    }

    @GET
    @Path("/supervision/appeals")
    @Operation(operationId = "listAppeals", summary = "Appeals", description = "Oldest first: the queue to decide. "
            + "status: OPEN (default), "
            + "DECIDED, CLOSED (closed by the 365-day rule) or ALL.")
    public Uni<Page<FlowViews.Appeal>> appeals(
            @RestQuery @Parameter(description = "OPEN, DECIDED, CLOSED or ALL", example = "OPEN") String status,
            @RestQuery Integer page, @RestQuery Integer size) {
        return queries.appeals(FlowInput.appealStatus(status), Params.page(page), Params.size(size));
    }

    @GET
    @Path("/supervision/appeals/{id}")
    @Operation(operationId = "getAppeal", summary = "One appeal",
            description = "An appeal with its grounds, the reason given, the party that opened it, and the "
                    + "operator's decision once made.")
    public Uni<FlowViews.Appeal> appeal(@RestPath UUID id) {
        return queries.appeal(id);
    }

    @POST
    @Path("/supervision/appeals/{id}/decide")
    @Operation(operationId = "decideAppeal", summary = "Decide an appeal", description = "RESUME: the flow goes on "
            + "from the state it was frozen in, "
            + "with a fresh turn clock and rejection counters; COMPLETE: as if the buyer accepted the current "
            + "delivery (milestone orders: the next bill, and the next milestone if any; otherwise the order completes "
            + "3 hours later); CANCEL: the order is canceled and the buyer refunded through the ledger. Recorded on "
            + "the flow and sent to both parties. Deciding twice answers 409.")
    public Uni<FlowViews.Appeal> decide(@RestPath UUID id, @Valid @NotNull FlowRequests.DecisionRequest request) {
        return me().chain(who -> commands.decide(who, id, request.decision(), request.note()));
    }
}
