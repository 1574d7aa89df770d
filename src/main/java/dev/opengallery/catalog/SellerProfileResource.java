package dev.opengallery.catalog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/seller/profile")
@RolesAllowed(Roles.SELLER)
@Tag(name = "Seller: profile")
public class SellerProfileResource {

    @Inject
    CurrentAccount account;

    @Inject
    SellerProfiles profiles;

    @GET
    @Operation(operationId = "getSellerProfile", summary = "Your seller profile", description = "404 until you have "
            + "created it with PUT.")
    public Uni<SellerProfileView> get() {
        return account.id().chain(profiles::own).map(SellerProfileView::of);
    }

    @PUT
    @Operation(operationId = "saveSellerProfile", summary = "Create or update your seller profile", description = "Company "
            + "name, customer-service "
            + "email and phone, and support range, shown to buyers on every product. Updates must send the version "
            + "they read; a stale version answers 409.")
    public Uni<SellerProfileView> put(@Valid @NotNull SellerProfileRequest request) {
        return account.id().chain(id -> profiles.save(id, request)).map(SellerProfileView::of);
    }
}
