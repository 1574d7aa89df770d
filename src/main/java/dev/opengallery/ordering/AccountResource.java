package dev.opengallery.ordering;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

import dev.opengallery.core.AppClock;
import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

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
    Pool pool;

    @Inject
    AppClock clock;

    @GET
    @Operation(summary = "Your balance, credit limit and reseller")
    public Uni<AccountView> get() {
        return account.id().chain(accounts::find);
    }

    @GET
    @Path("/ledger")
    @Operation(summary = "Your ledger", description = "Every movement of your money, newest first; the balance is "
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
    @Operation(summary = "Your VPCs and their security groups")
    public Uni<List<Vpc>> vpcs() {
        return account.id().chain(me -> pool.preparedQuery("""
                select v.id, v.name, v.cidr, v.created_at,
                       coalesce(array_agg(g.name order by g.name) filter (where g.name is not null), '{}') as groups
                from vpc v left join security_group g on g.vpc_id = v.id
                where v.account_id = $1 group by v.id order by v.created_at, v.name""").execute(Tuple.of(me)))
                .map(rows -> {
                    List<Vpc> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(vpc(r));
                    }
                    return out;
                });
    }

    private static Vpc vpc(Row r) {
        return new Vpc(r.getUUID("id"), r.getString("name"), r.getString("cidr"), List.of(r.getArrayOfStrings("groups")),
                r.getOffsetDateTime("created_at"));
    }

    @POST
    @Path("/vpcs")
    @Operation(summary = "Create a VPC", description = "An image order needs one. Names are unique per account (409).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Vpc.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Vpc>> createVpc(@Valid @NotNull VpcRequest request) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
        return account.id().chain(me -> pool.preparedQuery(
                "insert into vpc (id, account_id, name, cidr, created_at) values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(id, me, request.name(), request.cidr(), now)))
                .map(x -> RestResponse.ResponseBuilder.<Vpc> created(URI.create("/api/account/vpcs/" + id))
                        .entity(new Vpc(id, request.name(), request.cidr(), List.of(), now)).build());
    }

    @POST
    @Path("/vpcs/{id}/security-groups")
    @Operation(summary = "Create a security group in one of your VPCs")
    @APIResponse(responseCode = "201", description = "Created")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Void>> createSecurityGroup(@RestPath UUID id, @Valid @NotNull SecurityGroupRequest request) {
        OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
        return account.id().chain(me -> pool.preparedQuery("""
                insert into security_group (id, account_id, vpc_id, name, created_at)
                select $1, $2, v.id, $4, $5 from vpc v where v.id = $3 and v.account_id = $2 returning id""")
                .execute(Tuple.of(UUID.randomUUID(), me, id, request.name(), now))).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("VPC");
                    }
                    return RestResponse.status(RestResponse.Status.CREATED);
                });
    }
}
