package dev.opengallery.apps;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** Sellers see the purchased apps of their products and supply or rotate SaaS application information. */
@Path("/api/seller/apps")
@RolesAllowed(Roles.SELLER)
@Tag(name = "Seller: purchased apps")
public class SellerAppResource {

    @Inject
    CurrentAccount account;

    @Inject
    AppService apps;

    @Inject
    AppClock clock;

    @GET
    @Operation(operationId = "listSellerApps", summary = "Purchased apps of your products", description = "Newest "
            + "first; filters by product type and "
            + "state. Includes SaaS apps whose supervision is still open, so you can supply their application "
            + "information. Never shows passwords.")
    public Uni<Page<SellerAppView>> list(@RestQuery String type, @RestQuery String state, @RestQuery Integer page,
            @RestQuery Integer size) {
        ProductType t = Params.enumOf(ProductType.class, "type", type);
        AppStatus s = Params.enumOf(AppStatus.class, "state", state);
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> apps.sellerList(new Subscriptions.Filter(null, me, t, s, null, null,
                clock.now()), p, n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSellerApp", summary = "One purchased app of your products",
            description = "A purchased app of one of your products: buyer, specification, quantity, billing mode, "
                    + "expiry, state and its application information (never the password).")
    public Uni<SellerAppView> get(@RestPath UUID id) {
        return account.id().chain(me -> apps.sellerFind(me, id));
    }

    @PUT
    @Path("/{id}/application-info")
    @Operation(operationId = "supplyApplicationInfo", summary = "Supply or rotate a SaaS app's application information", description = "Username, "
            + "initial "
            + "password (required the first time; kept when left out later), management URL, frontend URL, guide. "
            + "The password is stored encrypted and is never returned here; the buyer is notified.")
    public Uni<SellerAppView> supply(@RestPath UUID id, @Valid @NotNull ApplicationInfoRequest request) {
        return account.id().chain(me -> apps.supply(me, id, request));
    }
}
