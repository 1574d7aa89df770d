package dev.opengallery.ordering;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.payments.AccountService;
import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** A customer's own account: balance and credit, the ledger, and the VPCs image orders need. */
@Path("/api/account")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer: account")
public class AccountResource {

    @Inject
    CurrentAccount account;

    @Inject
    Accounts accounts;

    @Inject
    AccountService accountService;

    @GET
    @Operation(operationId = "getAccount", summary = "Your balance, credit limit and reseller",
            description = "The signed-in customer's account: currency, balance, credit limit and the credit still "
                    + "available, the offer credit limit and how much of it milestone orders use, and the reseller "
                    + "that pays its orders, if any. The account is created on first use.")
    public Uni<AccountView> get() {
        return account.id().chain(accounts::find);
    }

    @GET
    @Path("/ledger")
    @Operation(operationId = "listLedgerEntries", summary = "Your ledger", description = "Every movement of your "
            + "money, newest first; the balance is "
            + "their sum.")
    public Uni<Page<Accounts.LedgerEntryView>> ledger(@RestQuery Integer page, @RestQuery Integer size) {
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> accounts.ledger(me, p, n));
    }

    @Schema(name = "VpcRequest")
    public record VpcRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "may contain letters, digits, '.', '_' and '-'")
            @Schema(example = "shop-vpc") String name,
            @NotBlank @Pattern(regexp = "(10|172|192)\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}/(8|1[2-9]|2[0-4])",
                    message = "must be a private IPv4 CIDR with a /8 to /24 prefix")
            @Schema(example = "192.168.0.0/16") String cidr) {
    }

    @Schema(name = "Vpc")
    public record Vpc(UUID id, String name, String cidr, List<String> securityGroups, OffsetDateTime createdAt) {
    }

    @Schema(name = "SecurityGroupRequest")
    public record SecurityGroupRequest(@NotBlank @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "may contain letters, digits, '.', '_' and '-'")
            @Schema(example = "web-80-443") String name) {
    }

    @GET
    @Path("/vpcs")
    @Operation(operationId = "listVpcs", summary = "Your VPCs and their security groups",
            description = "Every VPC of yours with the names of its security groups, oldest first. Not paged: an "
                    + "account keeps a handful of VPCs, and the image order form shows them all at once.")
    public Uni<List<Vpc>> vpcs() {
        return account.id().chain(accounts::vpcs);
    }

    @GET
    @Path("/vpcs/{id}")
    @Operation(operationId = "getVpc", summary = "One of your VPCs and its security groups",
            description = "The VPC a create answered with in Location. Another account's VPC answers 404.")
    public Uni<Vpc> getVpc(@RestPath UUID id) {
        return account.id().chain(me -> accounts.vpc(me, id));
    }

    @POST
    @Path("/vpcs")
    @Operation(operationId = "createVpc", summary = "Create a VPC", description = "An image order needs one. Names "
            + "are unique per account (409).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Vpc.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Vpc>> createVpc(@Valid @NotNull VpcRequest request) {
        return account.id().chain(me -> accountService.createVpc(me, request.name(), request.cidr()))
                .map(v -> RestResponse.ResponseBuilder.<Vpc> created(URI.create("/api/account/vpcs/" + v.id()))
                        .entity(new Vpc(v.id(), v.name(), v.cidr(), List.of(), v.createdAt())).build());
    }

    @POST
    @Path("/vpcs/{id}/security-groups")
    @Operation(operationId = "createSecurityGroup", summary = "Create a security group in one of your VPCs",
            description = "Adds a named security group to one of your VPCs (names are unique per VPC: 409). Answers "
                    + "the VPC with all its security groups; Location names that VPC.")
    @APIResponse(responseCode = "201", description = "Created: the VPC with its security groups",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Vpc.class)))
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Vpc>> createSecurityGroup(@RestPath UUID id, @Valid @NotNull SecurityGroupRequest request) {
        return account.id().chain(me -> accountService.createSecurityGroup(me, id, request.name())
                .chain(() -> accounts.vpc(me, id)))
                .map(v -> RestResponse.ResponseBuilder.<Vpc> created(URI.create("/api/account/vpcs/" + id)).entity(v)
                        .build());
    }
}
