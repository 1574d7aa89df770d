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

import dev.opengallery.core.AppClock;
import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

@Path("/api/seller/profile")
@RolesAllowed(Roles.SELLER)
@Tag(name = "Seller: profile")
public class SellerProfileResource {

    @Inject
    CatalogChanges catalogChanges;

    @Inject
    CurrentAccount account;

    @Inject
    AppClock clock;

    @GET
    @Operation(operationId = "getSellerProfile", summary = "Your seller profile", description = "404 until you have created it with PUT.")
    public Uni<SellerProfileView> get() {
        return account.id().chain(id -> Panache.withSession(() -> SellerProfile.<SellerProfile> findById(id)))
                .map(p -> {
                    if (p == null) {
                        throw ProblemException.notFound("Seller profile");
                    }
                    return SellerProfileView.of(p);
                });
    }

    @PUT
    @Operation(operationId = "saveSellerProfile", summary = "Create or update your seller profile", description = "Company name, customer-service "
            + "email and phone, and support range, shown to buyers on every product. Updates must send the version "
            + "they read; a stale version answers 409.")
    public Uni<SellerProfileView> put(@Valid @NotNull SellerProfileRequest request) {
        return account.id().chain(id -> Panache.withTransaction(() -> SellerProfile.<SellerProfile> findById(id)
                .chain(existing -> {
                    var now = clock.now().atOffset(java.time.ZoneOffset.UTC);
                    SellerProfile p = existing;
                    if (p == null) {
                        p = new SellerProfile();
                        p.accountId = id;
                        p.createdAt = now;
                    } else if (request.version() == null) {
                        throw ProblemException.invalid("version", "is required when updating the profile");
                    } else if (request.version() != p.version) {
                        throw ProblemException.staleVersion("The seller profile");
                    }
                    p.companyName = request.companyName().trim();
                    p.serviceEmail = request.serviceEmail().trim();
                    p.servicePhone = request.servicePhone().trim();
                    p.supportRange = request.supportRange().trim();
                    p.updatedAt = now;
                    SellerProfile saved = p;
                    return (existing == null ? p.persist() : Uni.createFrom().item(p))
                            .chain(() -> Panache.flush()).map(x -> SellerProfileView.of(saved));
                })).call(view -> catalogChanges.changed()));
    }
}
