package dev.opengallery.ordering;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.opengallery.payments.PaymentMethod;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** The buyer's orders: quote, place (optionally paying at once), pay, cancel, list. */
@Path("/api/orders")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer: orders")
public class OrderResource {

    static final String IDEMPOTENCY = "The same key with the same body answers the same order; with another body 422; "
            + "two requests with one key at once give one order.";

    @Inject
    CurrentAccount account;

    @Inject
    OrderService orders;

    @POST
    @Path("/quote")
    @Operation(operationId = "quoteOrder", summary = "Price an order", description = "The server-side price of what "
            + "the request would order: "
            + "list price, discount, and for images the image fee and ECS fee apart. Changes nothing.")
    public Uni<OrderQuote> quote(@Valid @NotNull OrderRequest request) {
        return account.id().chain(me -> orders.quote(me, request));
    }

    @POST
    @Operation(operationId = "placeOrder", summary = "Place an order", description = "Priced server-side from the "
            + "catalogue. The terms must be "
            + "accepted. Images need an ECS configuration (a VPC of yours, a security group, a login password that "
            + "meets the policy; the password is sent to provisioning and never stored or returned). With "
            + "paymentMethod the order is paid at once (Pay Now). Pay-per-use images take no payment; a reseller's "
            + "customer does not pay. " + IDEMPOTENCY)
    @APIResponse(responseCode = "201", description = "Placed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OrderView.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<OrderView>> place(@Valid @NotNull OrderRequest request,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        return account.id().chain(me -> orders.place(me, request, idempotencyKey));
    }

    @Schema(name = "PayRequest")
    public record PayRequest(
            @NotNull PaymentMethod method,
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) @Size(max = 26)
            @Schema(description = "Images paid after placing: the ECS login password again (it is never stored)",
                    writeOnly = true) String ecsPassword) {
        @Override
        public String toString() {
            return "PayRequest[method=" + method + ", ecsPassword=***]";
        }
    }

    @POST
    @Path("/{id}/pay")
    @Operation(operationId = "payOrder", summary = "Pay an order", description = "From the balance (BALANCE) or on "
            + "credit (CREDIT, within the "
            + "credit limit). Paying twice or paying a canceled order answers 409; without funds 422; neither moves "
            + "money. After payment, supervised products open a service flow and the others become purchased apps; "
            + "images get their ECS (a provisioning failure cancels the order and refunds). " + IDEMPOTENCY)
    @APIResponse(responseCode = "200", description = "Paid", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OrderView.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<OrderView>> pay(@RestPath UUID id, @Valid @NotNull PayRequest request,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        return account.id().chain(me -> orders.pay(me, id, request.method(), idempotencyKey, request.ecsPassword()));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelOrder", summary = "Cancel an unpaid order",
            description = "A PENDING_PAYMENT order of yours becomes CANCELED; nothing was paid, so nothing is "
                    + "refunded, and a private offer it used can be used again. A paid or already canceled order "
                    + "answers 409.")
    public Uni<OrderView> cancel(@RestPath UUID id) {
        return account.id().chain(me -> orders.cancel(me, id));
    }

    @GET
    @Operation(operationId = "listOrders", summary = "Your orders", description = "Newest first; filters by state, "
            + "product type and placing date "
            + "(from inclusive, to exclusive, ISO dates).")
    public Uni<Page<OrderView>> list(@RestQuery String state, @RestQuery String type,
            @RestQuery @Parameter(example = "2026-11-01") String from, @RestQuery @Parameter(example = "2026-12-01") String to,
            @RestQuery Integer page, @RestQuery Integer size) {
        OrderService.OrderFilter f = filter(state, type, from, to, null, null);
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> orders.list(new OrderService.OrderFilter(f.state(), f.type(), f.from(),
                f.to(), me, null), p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrder", summary = "One of your orders, with its history",
            description = "The order with its prices (list price, discount, amount due), state, payment and the "
                    + "history of its state changes. Another account's order answers 404.")
    public Uni<OrderView> get(@RestPath UUID id) {
        return account.id().chain(me -> orders.find(id, me, null));
    }

    static OrderService.OrderFilter filter(String state, String type, String from, String to, UUID accountId,
            UUID sellerId) {
        return new OrderService.OrderFilter(Params.enumOf(OrderState.class, "state", state),
                Params.enumOf(ProductType.class, "type", type), date("from", from), date("to", to), accountId,
                sellerId);
    }

    static OffsetDateTime date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date like 2026-11-25");
        }
    }
}
