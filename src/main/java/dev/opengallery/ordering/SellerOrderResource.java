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

import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** Orders for a seller's products. */
@Path("/api/seller/orders")
@RolesAllowed(Roles.SELLER)
@Tag(name = "Seller: orders")
public class SellerOrderResource {

    @Inject
    CurrentAccount account;

    @Inject
    OrderService orders;

    @GET
    @Operation(operationId = "listSellerOrders", summary = "Orders for your products", description = "Newest first; filters as for buyers.")
    public Uni<Page<OrderView>> list(@RestQuery String state, @RestQuery String type, @RestQuery String from,
            @RestQuery String to, @RestQuery Integer page, @RestQuery Integer size) {
        OrderService.OrderFilter f = OrderResource.filter(state, type, from, to, null, null);
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> orders.list(new OrderService.OrderFilter(f.state(), f.type(), f.from(),
                f.to(), null, me), p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSellerOrder", summary = "An order for one of your products",
            description = "An order for one of your products, with its prices, state and history. Orders for other sellers' products answer 404.")
    public Uni<OrderView> get(@RestPath UUID id) {
        return account.id().chain(me -> orders.find(id, null, me));
    }
}
