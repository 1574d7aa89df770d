package dev.opengallery.ordering;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** Operators see every order (the unpaid-order job runs through {@code jobs.JobsResource}). */
@Path("/api/operator")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: orders")
public class OperatorOrderResource {

    @Inject
    OrderService orders;

    @GET
    @Path("/orders")
    @Operation(operationId = "listOperatorOrders", summary = "All orders", description = "Newest first; filters by "
            + "state, type, dates and buyer account.")
    public Uni<Page<OrderView>> list(@RestQuery String state, @RestQuery String type, @RestQuery String from,
            @RestQuery String to, @RestQuery String accountId, @RestQuery Integer page, @RestQuery Integer size) {
        return orders.list(OrderResource.filter(state, type, from, to, Params.uuid("accountId", accountId), null),
                Params.page(page), Params.size(size));
    }

    @GET
    @Path("/orders/{id}")
    @Operation(operationId = "getOperatorOrder", summary = "Any order, with its history",
            description = "Any order with its prices, state, payment and the history of its state changes.")
    public Uni<OrderView> get(@RestPath UUID id) {
        return orders.find(id, null, null);
    }
}
