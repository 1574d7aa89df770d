package dev.opengallery.invoicing;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** Operators issue invoices (with a number) and return them. */
@Path("/api/operator/invoices")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: invoices")
public class OperatorInvoiceResource {

    @Inject
    CurrentAccount account;

    @Inject
    InvoiceService invoices;

    @GET
    @Operation(operationId = "listOperatorInvoices", summary = "All invoices", description = "Newest first; filters by state and buyer account (the queue of "
            + "invoices to issue: state=REQUESTED; returns asked for: state=RETURN_REQUESTED).")
    public Uni<Page<InvoiceView>> list(@RestQuery String state, @RestQuery String accountId, @RestQuery Integer page,
            @RestQuery Integer size) {
        return invoices.list(Params.uuid("accountId", accountId),
                Params.enumOf(InvoiceLifecycle.State.class, "state", state), Params.page(page), Params.size(size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOperatorInvoice", summary = "Any invoice, with its orders and history",
            description = "Any account's invoice with its orders, amounts, state and history.")
    public Uni<InvoiceView> get(@RestPath UUID id) {
        return invoices.find(id, null);
    }

    @POST
    @Path("/{id}/issue")
    @Operation(operationId = "issueInvoice", summary = "Issue a requested invoice", description = "Gives it its invoice number (unique: a number "
            + "already given answers 409). Its orders' invoiceState becomes ISSUED, which blocks unsubscription until "
            + "the invoice is returned. An order refunded since the request answers 422.")
    public Uni<InvoiceView> issue(@RestPath UUID id, @Valid @NotNull InvoiceView.Issue request) {
        return account.id().chain(me -> invoices.issue(me, id, request.number()));
    }

    @POST
    @Path("/{id}/return")
    @Operation(operationId = "returnInvoice", summary = "Return an invoice", description = "REQUESTED (refused), ISSUED or RETURN_REQUESTED become "
            + "RETURNED; its orders are free to be invoiced again and to be unsubscribed.")
    public Uni<InvoiceView> returnInvoice(@RestPath UUID id,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false)
            @Valid InvoiceView.Return request) {
        return account.id().chain(me -> invoices.operatorReturn(me, id, request == null ? null : request.reason()));
    }
}
