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
import dev.opengallery.core.Problem;
import dev.opengallery.core.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The buyer's service supervision pages: flows of its supervised orders, and every buyer move. */
@Path("/api/supervision/flows")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer: service supervision")
public class CustomerFlowResource {

    static final String FROZEN = " While an appeal is open every move answers 409 naming the appeal.";
    static final String VERSION = " Send the version you read to be sure nothing changed (409 otherwise); of two "
            + "moves at once, one wins and the other answers 409.";

    @Inject
    CurrentAccount account;

    @Inject
    FlowCommands commands;

    @Inject
    FlowQueries queries;

    @Inject
    SecurityIdentity identity;

    Uni<Who> me() {
        return account.id().map(id -> new Who(Actor.BUYER, id));
    }

    @GET
    @Operation(operationId = "listFlows", summary = "Your service flows", description = FlowHttp.LIST_DESCRIPTION)
    public Uni<Page<FlowViews.FlowSummary>> list(@RestQuery String state,
            @RestQuery @Parameter(description = "LICENSE, SAAS, PROFESSIONAL_SERVICE, CONSULTING_SERVICE") String type,
            @RestQuery String productName, @RestQuery String orderId,
            @RestQuery @Parameter(example = "2026-11-01") String from, @RestQuery @Parameter(example = "2026-12-01") String to,
            @RestQuery String frozen, @RestQuery Integer page, @RestQuery Integer size) {
        FlowQueries.Filter f = FlowHttp.filter(state, type, productName, orderId, from, to, frozen);
        int p = Params.page(page);
        int n = Params.size(size);
        return me().chain(who -> queries.list(who, f, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFlow", summary = "One of your service flows", description = "With its operation "
            + "records and attachments, "
            + "appeals, what you can do now, whether and why you may appeal, and for SaaS the application information.")
    public Uni<FlowViews.FlowView> get(@RestPath UUID id) {
        return me().chain(who -> queries.find(id, who));
    }

    @POST
    @Path("/{id}/request")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "submitFlowRequest", summary = "Submit your request", description = "SaaS and "
            + "services, while the flow waits for a request: "
            + "the request follows the seller's template (see requestTemplate); services may add a requirement "
            + "description and attach files. The flow then waits for the seller." + FROZEN + VERSION)
    @APIResponse(responseCode = "413", description = "An attachment is larger than allowed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "An attachment's type is not allowed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The flow after the move", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = FlowViews.FlowView.class)))
    public Uni<FlowViews.FlowView> request(@RestPath UUID id, FlowRequests.RequestForm form) {
        return me().chain(who -> commands.submitRequest(who, id, form.request, form.requirementDescription,
                form.version, form.files));
    }

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptDelivery", summary = "Accept the delivery", description = "confirmNoUnsubscribe "
            + "must be true: an accepted service "
            + "cannot be unsubscribed from. The order completes 3 hours later (opengallery.supervision.complete-after); "
            + "for milestone orders, accepting milestone N generates the bill of milestone N+1 and the flow goes on "
            + "with milestone N+1." + FROZEN + VERSION)
    public Uni<FlowViews.FlowView> accept(@RestPath UUID id, @NotNull FlowRequests.AcceptRequest request) {
        return me().chain(who -> commands.accept(who, id, request.confirmNoUnsubscribe(), request.note(),
                request.version()));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectDelivery", summary = "Reject the delivery", description = "With a reason; the seller delivers again." + FROZEN
            + VERSION)
    public Uni<FlowViews.FlowView> reject(@RestPath UUID id, @NotNull FlowRequests.ReasonRequest request) {
        return me().chain(who -> commands.rejectDelivery(who, id, request.reason(), request.version()));
    }

    @POST
    @Path("/{id}/remind")
    @Operation(operationId = "remindSeller", summary = "Remind the seller", description = "While it is the seller's "
            + "turn, at most once per 24 hours "
            + "(opengallery.supervision.reminder-interval; 422 before then). The seller gets an e-mail and a text "
            + "message. A reminder does not change the flow's state or version." + FROZEN)
    public Uni<FlowViews.FlowView> remind(@RestPath UUID id) {
        return me().chain(who -> commands.remind(who, id));
    }

    @POST
    @Path("/{id}/appeal")
    @Operation(operationId = "appealFlow", summary = "Appeal to the operations manager", description = "Allowed "
            + "when the seller has not updated "
            + "the flow for more than 5 days, has rejected your request 3 times, has delivered again after you "
            + "rejected the delivery twice, or after your third rejection (422 otherwise; the flow's appeal field "
            + "says when). Freezes the flow until an operator decides.")
    public Uni<FlowViews.FlowView> appeal(@RestPath UUID id, @NotNull FlowRequests.ReasonRequest request) {
        return me().chain(who -> commands.appeal(who, id, request.reason()));
    }

    @POST
    @Path("/{id}/application-info/password")
    @Operation(operationId = "revealFlowPassword", summary = "Reveal the SaaS application's initial password", description = "Before "
            + "completion (the app "
            + "is not yet among your purchased apps). Each reveal is audited like the purchased apps' reveals and "
            + "recorded among the flow's operation records.")
    public Uni<FlowViews.RevealedPassword> revealPassword(@RestPath UUID id) {
        String subject = identity.getPrincipal().getName();
        return me().chain(who -> commands.revealPassword(who, subject, id));
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "downloadFlowAttachment", summary = "Download an attachment of one of your flows",
            description = "The attachment's bytes with its stored content type and file name (Content-Disposition). "
                    + "Only the flow's buyer, its seller and operators may download it.")
    @APIResponse(responseCode = "200", description = "The file, with its content type",
            content = @Content(mediaType = "*/*", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> download(@RestPath UUID id, @RestPath UUID attachmentId) {
        return me().chain(who -> queries.download(who, id, attachmentId)).map(FlowHttp::download);
    }
}
