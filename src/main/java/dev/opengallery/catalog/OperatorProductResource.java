package dev.opengallery.catalog;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** Operators review product releases. */
@Path("/api/operator/products")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: product review")
public class OperatorProductResource {

    @Inject
    CatalogRepository products;

    @Inject
    ProductCommands commands;

    @Schema(name = "ReasonRequest")
    public record ReasonRequest(@NotBlank @Size(max = 2000) @Schema(example = "The product guide link is broken") String reason) {
    }

    @GET
    @Operation(operationId = "listOperatorProducts", summary = "Products by state", description = "The review queue "
            + "by default (IN_REVIEW, oldest "
            + "submission first); any state with ?status=.")
    public Uni<Page<ProductSummary>> list(@RestQuery String status, @RestQuery Integer page, @RestQuery Integer size) {
        String wanted = status == null ? ProductStatus.IN_REVIEW.name() : status;
        ProductStatus s = "ALL".equalsIgnoreCase(wanted) ? null : Params.enumOf(ProductStatus.class, "status", wanted);
        return products.listForOperator(s, Params.page(page), Params.size(size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOperatorProduct", summary = "A product in any state",
            description = "A product in any state (DRAFT, IN_REVIEW, LISTED, REJECTED, DELISTED) with its "
                    + "specifications, prices, seller contact and the reason of a rejection or delisting.")
    public Uni<ProductView> get(@RestPath UUID id) {
        return products.findAny(id);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveProduct", summary = "Approve a release", description = "IN_REVIEW to LISTED: "
            + "buyers can find and buy it.")
    public Uni<ProductView> approve(@RestPath UUID id) {
        return commands.approve(id);
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectProduct", summary = "Reject a release", description = "IN_REVIEW to REJECTED, "
            + "with the reason the seller sees.")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ProductView> reject(@RestPath UUID id, @Valid @NotNull ReasonRequest request) {
        return commands.reject(id, request.reason().trim());
    }

    @POST
    @Path("/{id}/delist")
    @Operation(operationId = "delistOperatorProduct", summary = "Delist a product", description = "LISTED to "
            + "DELISTED, with a reason.")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ProductView> delist(@RestPath UUID id, @Valid @NotNull ReasonRequest request) {
        return commands.delistByOperator(id, request.reason().trim());
    }
}
