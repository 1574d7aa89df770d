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
import dev.opengallery.core.Problem;
import dev.opengallery.core.Roles;
import dev.opengallery.payments.Idempotency;
import io.smallrye.mutiny.Uni;

/** The buyer's service tickets (FAQ 10.11): open one, follow it, answer, reopen within 7 days, close. */
@Path("/api/tickets")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer: service tickets")
public class CustomerTicketResource {

    @Inject
    CurrentAccount account;

    @Inject
    TicketCommands commands;

    @Inject
    TicketQueries queries;

    Uni<Who> me() {
        return account.id().map(id -> new Who(TicketActor.BUYER, id));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openTicket", summary = "Open a service ticket", description = "When you cannot reach "
            + "a seller, have a billing or refund question, want a credit limit, or anything else: a category, a "
            + "subject, a description, files, and optionally at most one of your orders (orderId), your purchased "
            + "apps (appId) or a product on sale or that you ordered (productId) it concerns; another buyer's or an "
            + "unknown one answers 404 naming the field. The ticket is OPEN and awaits an operator, who answers "
            + "within 24 hours (or it is flagged overdue)." + TicketHttp.FILES + " Accepts an Idempotency-Key: the "
            + "same key, fields and files answer the same ticket again (Idempotent-Replayed: true) and open no other; "
            + "another body 422.")
    @APIResponse(responseCode = "201", description = "The new ticket", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = TicketViews.View.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "413", description = "An attachment is larger than allowed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "An attachment's type is not allowed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<TicketViews.View>> open(TicketRequests.OpenForm form,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        TicketRequests.OpenForm f = form == null ? new TicketRequests.OpenForm() : form;
        return me().chain(who -> commands.open(who, idempotencyKey, f));
    }

    @GET
    @Operation(operationId = "listTickets", summary = "Your service tickets", description = "Newest first; filter "
            + "by state.")
    public Uni<Page<TicketViews.Summary>> list(@RestQuery @Parameter(description = "OPEN, IN_PROGRESS, "
            + "WAITING_FOR_BUYER, WAITING_FOR_SELLER, RESOLVED, CLOSED") String state, @RestQuery Integer page,
            @RestQuery Integer size) {
        TicketQueries.Filter f = TicketHttp.filter(state, null, null, null);
        int p = Params.page(page);
        int n = Params.size(size);
        return me().chain(who -> queries.list(who, f, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTicket", summary = "One of your service tickets", description = "With every "
            + "message and move, the attachments' metadata, what you may do now and, once resolved, until when you may "
            + "reopen it.")
    public Uni<TicketViews.View> get(@RestPath UUID id) {
        return me().chain(who -> queries.find(id, who));
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "downloadTicketAttachment", summary = "Download an attachment of one of your tickets",
            description = "The file with its stored content type and name (Content-Disposition).")
    @APIResponse(responseCode = "200", description = "The file, with its content type", content = @Content(
            mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> download(@RestPath UUID id, @RestPath UUID attachmentId) {
        return me().chain(who -> queries.download(who, id, attachmentId)).map(TicketHttp::download);
    }

    @POST
    @Path("/{id}/replies")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "replyToTicket", summary = "Answer on your ticket", description = "A message with "
            + "files. Answering a question (WAITING_FOR_BUYER) gives the ticket back to the operators; answering a "
            + "RESOLVED ticket within 7 days of its resolution reopens it (409 later: open a new ticket)."
            + TicketHttp.FILES + TicketHttp.REFUSED + TicketHttp.VERSION)
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
    @Path("/{id}/reopen")
    @Operation(operationId = "reopenTicket", summary = "Reopen your resolved ticket", description = "Within 7 days "
            + "of its resolution (opengallery.tickets.reopen-days; 409 later), saying why; the ticket awaits an "
            + "operator again." + TicketHttp.REFUSED + TicketHttp.VERSION)
    public Uni<TicketViews.View> reopen(@RestPath UUID id, @NotNull TicketRequests.Text request) {
        return me().chain(who -> commands.reopen(who, id, request.text(), request.version()));
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeTicket", summary = "Close your ticket", description = "In any state but CLOSED, "
            + "with an optional note; a closed ticket cannot be reopened." + TicketHttp.REFUSED + TicketHttp.VERSION)
    public Uni<TicketViews.View> close(@RestPath UUID id, @NotNull TicketRequests.Note request) {
        return me().chain(who -> commands.close(who, id, request.text(), request.version()));
    }
}
