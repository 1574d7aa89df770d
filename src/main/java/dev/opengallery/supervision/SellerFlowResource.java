package dev.opengallery.supervision;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import dev.opengallery.core.Problem;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** The seller's side of service supervision: its flows, rejecting requests, delivering, appealing. */
@Path("/api/seller/supervision/flows")
@RolesAllowed(Roles.SELLER)
@Tag(name = "Seller: service supervision")
public class SellerFlowResource {

    @Inject
    CurrentAccount account;

    @Inject
    FlowCommands commands;

    @Inject
    FlowQueries queries;

    Uni<Who> me() {
        return account.id().map(id -> new Who(Actor.SELLER, id));
    }

    @GET
    @Operation(operationId = "listSellerFlows", summary = "Service flows of your products' orders", description = FlowHttp.LIST_DESCRIPTION)
    public Uni<Page<FlowViews.FlowSummary>> list(@RestQuery String state, @RestQuery String type,
            @RestQuery String productName, @RestQuery String orderId, @RestQuery String from, @RestQuery String to,
            @RestQuery String frozen, @RestQuery Integer page, @RestQuery Integer size) {
        FlowQueries.Filter f = FlowHttp.filter(state, type, productName, orderId, from, to, frozen);
        int p = Params.page(page);
        int n = Params.size(size);
        return me().chain(who -> queries.list(who, f, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSellerFlow", summary = "One of your service flows", description = "With its "
            + "operation records, attachments and "
            + "appeals, what you can do now, and whether you may appeal.")
    public Uni<FlowViews.FlowView> get(@RestPath UUID id) {
        return me().chain(who -> queries.find(id, who));
    }

    @POST
    @Path("/{id}/reject-request")
    @Operation(operationId = "rejectFlowRequest", summary = "Reject the buyer's request", description = "With a "
            + "reason, before delivering; the buyer "
            + "submits the request again. After 3 rejections the buyer may appeal." + CustomerFlowResource.FROZEN
            + CustomerFlowResource.VERSION)
    public Uni<FlowViews.FlowView> rejectRequest(@RestPath UUID id, @NotNull FlowRequests.ReasonRequest request) {
        return me().chain(who -> commands.rejectRequest(who, id, request.reason(), request.version()));
    }

    @POST
    @Path("/{id}/deliver")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "deliverFlow", summary = "Deliver", description = "When it is your turn: a note and "
            + "optional attachments. Licenses are "
            + "delivered offline: offlineDeliveryConfirmed=true confirms it. SaaS: the application information "
            + "(username, initial password, management and frontend URLs) the buyer sees on the flow; fields left "
            + "out keep what an earlier delivery gave. The buyer then accepts or rejects." + CustomerFlowResource.FROZEN
            + CustomerFlowResource.VERSION)
    @APIResponse(responseCode = "413", description = "An attachment is larger than allowed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "An attachment's type is not allowed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The flow after the move", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = FlowViews.FlowView.class)))
    public Uni<FlowViews.FlowView> deliver(@RestPath UUID id, FlowRequests.DeliveryForm form) {
        return me().chain(who -> commands.deliver(who, id, form.delivery(), form.version, form.files));
    }

    @POST
    @Path("/{id}/appeal")
    @Operation(operationId = "appealSellerFlow", summary = "Appeal to the operations manager", description = "Allowed "
            + "when the buyer has not acted on "
            + "your delivery for more than 5 days, or after the buyer's third rejection (422 otherwise). Freezes the "
            + "flow until an operator decides.")
    public Uni<FlowViews.FlowView> appeal(@RestPath UUID id, @NotNull FlowRequests.ReasonRequest request) {
        return me().chain(who -> commands.appeal(who, id, request.reason()));
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "downloadSellerFlowAttachment", summary = "Download an attachment of one of your flows",
            description = "The attachment's bytes with its stored content type and file name (Content-Disposition). "
                    + "Only the flow's buyer, its seller and operators may download it.")
    @APIResponse(responseCode = "200", description = "The file, with its content type", content = @Content(
            mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> download(@RestPath UUID id, @RestPath UUID attachmentId) {
        return me().chain(who -> queries.download(who, id, attachmentId)).map(FlowHttp::download);
    }
}
