package dev.opengallery.invoicing;

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

/** The buyer's invoices: apply over paid orders, list, view, ask to return, apply again. */
@Path("/api/invoices")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer: invoices")
public class InvoiceResource {

    @Inject
    CurrentAccount account;

    @Inject
    InvoiceService invoices;

    @POST
    @Operation(operationId = "applyForInvoice", summary = "Apply for an invoice", description = "Over one or more of your paid orders (one currency), "
            + "with a title and tax id; the amount is what was paid for them. An order already on an invoice that is "
            + "not returned answers 409; orders that are unpaid, refunded, paid by a reseller or billed by the hour "
            + "answer 422. The orders' invoiceState becomes REQUESTED.")
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = InvoiceView.class)))
    public Uni<RestResponse<InvoiceView>> apply(@Valid @NotNull InvoiceView.Request request) {
        return account.id().chain(me -> invoices.apply(me, request)).map(i -> RestResponse.ResponseBuilder
                .<InvoiceView> create(201).entity(i).location(URI.create("/api/invoices/" + i.id())).build());
    }

    @GET
    @Operation(operationId = "listInvoices", summary = "Your invoices", description = "Newest first; filter by state (REQUESTED, ISSUED, "
            + "RETURN_REQUESTED, RETURNED).")
    public Uni<Page<InvoiceView>> list(@RestQuery String state, @RestQuery Integer page, @RestQuery Integer size) {
        InvoiceLifecycle.State s = Params.enumOf(InvoiceLifecycle.State.class, "state", state);
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> invoices.list(me, s, p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getInvoice", summary = "One of your invoices, with its orders and history",
            description = "The invoice with its orders, amounts, state and the history of its state changes. Another account's invoice answers 404.")
    public Uni<InvoiceView> get(@RestPath UUID id) {
        return account.id().chain(me -> invoices.find(id, me));
    }

    @POST
    @Path("/{id}/return")
    @Operation(operationId = "requestInvoiceReturn", summary = "Ask to return an invoice", description = "An ISSUED invoice becomes RETURN_REQUESTED until an "
            + "operator returns it; a REQUESTED one (not issued yet) is withdrawn at once (RETURNED). A returned "
            + "invoice frees its orders: they can be invoiced again, and unsubscription is no longer blocked.")
    public Uni<InvoiceView> askReturn(@RestPath UUID id,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false)
            @Valid InvoiceView.Return request) {
        return account.id().chain(me -> invoices.askReturn(me, id, request == null ? null : request.reason()));
    }

    @POST
    @Path("/{id}/reapply")
    @Operation(operationId = "reapplyForInvoice", summary = "Apply again for a returned invoice", description = "A RETURNED invoice is REQUESTED again over "
            + "the same orders, optionally with a new title or tax id (you may also apply for a new invoice).")
    public Uni<InvoiceView> reapply(@RestPath UUID id, @Valid InvoiceView.Reapply request) {
        return account.id().chain(me -> invoices.reapply(me, id, request));
    }
}
