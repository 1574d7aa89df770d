package dev.opengallery.offers;

import java.util.List;
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
import dev.opengallery.payments.PaymentMethod;
import io.smallrye.mutiny.Uni;

/** A customer's exclusive offers and milestone bills. */
@Path("/api")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer: exclusive offers and milestone bills")
public class CustomerOfferResource {

    @Inject
    CurrentAccount account;

    @Inject
    OfferService offers;

    @Inject
    MilestoneBills bills;

    @GET
    @Path("/offers")
    @Operation(operationId = "listOffers", summary = "Your exclusive offers", description = "Usable offers (unused, "
            + "unexpired), soonest to expire "
            + "first; ?all=true adds used, withdrawn and expired ones. Order with the offer's id (offerId) and its "
            + "exact specification, billing mode, quantity and periods.")
    public Uni<Page<OfferView>> list(@RestQuery Boolean all, @RestQuery Integer page, @RestQuery Integer size) {
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> offers.listForCustomer(me, Boolean.TRUE.equals(all), p, n));
    }

    @GET
    @Path("/offers/{id}")
    @Operation(operationId = "getOffer", summary = "One of your offers",
            description = "A private offer made to you, with its terms, discount, expiry and state. Offers made to "
                    + "other accounts answer 404.")
    public Uni<OfferView> get(@RestPath UUID id) {
        return account.id().chain(me -> offers.findForCustomer(id, me));
    }

    @GET
    @Path("/offers/by-token/{token}")
    @Operation(operationId = "getOfferByToken", summary = "Open an offer from its link", description = "The link's "
            + "token names the offer; only the "
            + "customer it was made for can open it (others get 404).")
    public Uni<OfferView> byToken(@RestPath String token) {
        return account.id().chain(me -> offers.findByToken(token, me));
    }

    @GET
    @Path("/milestone-bills")
    @Operation(operationId = "listMilestoneBills", summary = "Your milestone bills", description = "Newest first; "
            + "?orderId= for one order's. Not paged: an order "
            + "has at most 12 bills, and only postpaid accounts with milestone offer orders have any.")
    public Uni<List<MilestoneBills.Bill>> bills(@RestQuery String orderId) {
        UUID order = Params.uuid("orderId", orderId);
        return account.id().chain(me -> bills.list(me, order));
    }

    @GET
    @Path("/milestone-bills.csv")
    @Produces("text/csv")
    @Operation(operationId = "downloadMilestoneBillsCsv", summary = "Download your milestone bills as CSV", description = "?orderId= "
            + "for one order's.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(implementation = String.class)))
    public Uni<RestResponse<String>> csv(@RestQuery String orderId) {
        UUID order = Params.uuid("orderId", orderId);
        return account.id().chain(me -> bills.list(me, order)).map(list -> RestResponse.ResponseBuilder
                .ok(MilestoneBills.csv(list), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"milestone-bills.csv\"").build());
    }

    @Schema(name = "BillPayRequest")
    public record BillPayRequest(@NotNull PaymentMethod method) {
    }

    @POST
    @Path("/milestone-bills/{id}/pay")
    @Operation(operationId = "payMilestoneBill", summary = "Pay a milestone bill", description = "From the balance "
            + "or on credit; gives the offer "
            + "credit back. Paying twice answers 409. Accepts an Idempotency-Key: the same key and body answer as the "
            + "first time (Idempotent-Replayed: true) and pay nothing again; another body 422.")
    @APIResponse(responseCode = "200", description = "Paid", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MilestoneBills.Bill.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<MilestoneBills.Bill>> pay(@RestPath UUID id, @Valid @NotNull BillPayRequest request,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        return account.id().chain(me -> bills.pay(me, id, request.method(), idempotencyKey));
    }
}
