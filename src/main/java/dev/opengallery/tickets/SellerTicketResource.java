package dev.opengallery.tickets;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

/** Buyers' tickets an operator brought the seller into: only those, without the buyer's account. */
@Path("/api/seller/tickets")
@RolesAllowed(Roles.SELLER)
@Tag(name = "Seller: service tickets")
public class SellerTicketResource {

    @Inject
    CurrentAccount account;

    @Inject
    TicketCommands commands;

    @Inject
    TicketQueries queries;

    Uni<Who> me() {
        return account.id().map(id -> new Who(TicketActor.SELLER, id));
    }

    @GET
    @Operation(operationId = "listSellerTickets", summary = "Tickets you were brought into", description = "Only the "
            + "buyers' tickets about your products that an operator brought you into; newest first; filter by state. "
            + "The buyer's account is not shown.")
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
    @Operation(operationId = "getSellerTicket", summary = "A ticket you were brought into", description = "With its "
            + "messages (who wrote them only by role) and what you may do now; any other ticket answers 404.")
    public Uni<TicketViews.View> get(@RestPath UUID id) {
        return me().chain(who -> queries.find(id, who));
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "downloadSellerTicketAttachment", summary = "Download an attachment of a ticket you "
            + "were brought into", description = "The file with its stored content type and name.")
    @APIResponse(responseCode = "200", description = "The file, with its content type", content = @Content(
            mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> download(@RestPath UUID id, @RestPath UUID attachmentId) {
        return me().chain(who -> queries.download(who, id, attachmentId)).map(TicketHttp::download);
    }

    @POST
    @Path("/{id}/replies")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "replyToSellerTicket", summary = "Answer a ticket you were brought into", description = "A "
            + "message with files, while the ticket is in progress; when it waited for you it goes back to the "
            + "operators." + TicketHttp.FILES + TicketHttp.REFUSED + TicketHttp.VERSION)
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
}
