package dev.opengallery.tickets;

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
import io.smallrye.mutiny.Uni;

/** The operators' ticket queue and every operator move: assign, answer, ask, bring in the seller, resolve, close. */
@Path("/api/operator/tickets")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: service tickets")
public class OperatorTicketResource {

    @Inject
    CurrentAccount account;

    @Inject
    TicketCommands commands;

    @Inject
    TicketQueries queries;

    Uni<Who> me() {
        return account.id().map(id -> new Who(TicketActor.OPERATOR, id));
    }

    @GET
    @Operation(operationId = "listTicketQueue", summary = "The ticket queue", description = "Every buyer's tickets: "
            + "overdue first (unanswered by an operator for 24 hours), then those awaiting an answer longest, then "
            + "the oldest. Filters: state, category, overdue, and olderThanHours (opened at least that many hours "
            + "ago).")
    public Uni<Page<TicketViews.Summary>> queue(@RestQuery @Parameter(description = "OPEN, IN_PROGRESS, "
            + "WAITING_FOR_BUYER, WAITING_FOR_SELLER, RESOLVED, CLOSED") String state,
            @RestQuery @Parameter(description = "CANNOT_CONTACT_SELLER, BILLING_OR_REFUND, CREDIT_LIMIT, TECHNICAL, "
                    + "OTHER") String category,
            @RestQuery @Parameter(description = "true or false", example = "true") String overdue,
            @RestQuery @Parameter(description = "0 to 87600", example = "24") Integer olderThanHours,
            @RestQuery Integer page, @RestQuery Integer size) {
        TicketQueries.Filter f = TicketHttp.filter(state, category, overdue, olderThanHours);
        int p = Params.page(page);
        int n = Params.size(size);
        return me().chain(who -> queries.queue(who, f, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOperatorTicket", summary = "A ticket", description = "With every message and move, "
            + "the attachments' metadata and what you may do now.")
    public Uni<TicketViews.View> get(@RestPath UUID id) {
        return me().chain(who -> queries.find(id, who));
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "downloadOperatorTicketAttachment", summary = "Download a ticket's attachment",
            description = "The file with its stored content type and name.")
    @APIResponse(responseCode = "200", description = "The file, with its content type", content = @Content(
            mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> download(@RestPath UUID id, @RestPath UUID attachmentId) {
        return me().chain(who -> queries.download(who, id, attachmentId)).map(TicketHttp::download);
    }

    @POST
    @Path("/{id}/assign")
    @Operation(operationId = "assignTicket", summary = "Take a ticket, or give it to another operator", description =
            "Without assigneeSubject to yourself. Not a move: the service-level clock keeps running. The assigned "
                    + "operator hears of the buyer's and the seller's messages and of the ticket becoming overdue."
                    + TicketHttp.REFUSED + TicketHttp.VERSION)
    public Uni<TicketViews.View> assign(@RestPath UUID id, @NotNull TicketRequests.Assign request) {
        return me().chain(who -> commands.assign(who, id, request.assigneeSubject(), request.version()));
    }

    @POST
    @Path("/{id}/replies")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "replyToOperatorTicket", summary = "Answer a ticket", description = "A message with "
            + "files to the buyer (and the seller, if brought in); it answers the ticket: an OPEN ticket goes "
            + "IN_PROGRESS, the service-level clock and the overdue flag clear." + TicketHttp.FILES
            + TicketHttp.REFUSED + TicketHttp.VERSION)
    @APIResponse(responseCode = "413", description = "An attachment is larger than allowed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "An attachment's type is not allowed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The ticket after the message", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = TicketViews.View.class)))
    public Uni<TicketViews.View> reply(@RestPath UUID id, TicketRequests.ReplyForm form) {
        TicketRequests.ReplyForm f = form == null ? new TicketRequests.ReplyForm() : form;
        return me().chain(who -> commands.reply(who, id, f.text, f.version, f.files));
    }

    @POST
    @Path("/{id}/ask-buyer")
    @Operation(operationId = "askTicketBuyer", summary = "Ask the buyer for more", description = "The ticket waits "
            + "for the buyer (WAITING_FOR_BUYER), whose answer gives it back to the operators." + TicketHttp.REFUSED
            + TicketHttp.VERSION)
    public Uni<TicketViews.View> askBuyer(@RestPath UUID id, @NotNull TicketRequests.Text request) {
        return me().chain(who -> commands.askBuyer(who, id, request.text(), request.version()));
    }

    @POST
    @Path("/{id}/involve-seller")
    @Operation(operationId = "involveTicketSeller", summary = "Bring in the seller", description = "Only for a ticket "
            + "about an order, purchased app or product (422 otherwise): its seller then sees this ticket (and only "
            + "the tickets it was brought into, without the buyer's account) and answers it; the ticket waits for the "
            + "seller (WAITING_FOR_SELLER)." + TicketHttp.REFUSED + TicketHttp.VERSION)
    public Uni<TicketViews.View> involveSeller(@RestPath UUID id, @NotNull TicketRequests.Text request) {
        return me().chain(who -> commands.involveSeller(who, id, request.text(), request.version()));
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(operationId = "resolveTicket", summary = "Resolve a ticket", description = "With the resolution for "
            + "the buyer, who may reopen it within 7 days; then it closes by itself. A CREDIT_LIMIT ticket needs an "
            + "outcome: GRANTED with creditLimit sets the buyer's credit limit (as PUT /api/operator/accounts/{id}/credit "
            + "does) in the same transaction; a limit the account refuses (below what it owes, 422) leaves the ticket "
            + "unresolved. DECLINED changes no limit. Other tickets take no outcome (400)." + TicketHttp.REFUSED
            + TicketHttp.VERSION)
    public Uni<TicketViews.View> resolve(@RestPath UUID id, @NotNull TicketRequests.Resolve request) {
        return me().chain(who -> commands.resolve(who, id, request));
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeOperatorTicket", summary = "Close a ticket", description = "In any state but "
            + "CLOSED, saying why (told to the buyer); final." + TicketHttp.REFUSED + TicketHttp.VERSION)
    public Uni<TicketViews.View> close(@RestPath UUID id, @NotNull TicketRequests.Text request) {
        return me().chain(who -> commands.close(who, id, request.text(), request.version()));
    }
}
