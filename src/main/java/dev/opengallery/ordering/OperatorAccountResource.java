package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import dev.opengallery.payments.AccountService;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.payments.TopUps;
import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** Operators look up accounts, top them up, grant credit (the guide's service ticket) and attach resellers. */
@Path("/api/operator/accounts")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: accounts")
public class OperatorAccountResource {

    @Inject
    Accounts accounts;

    @Inject
    TopUps topUps;

    @Inject
    CurrentAccount account;

    @Inject
    AccountService accountService;

    @Schema(name = "TopUpRequest")
    public record TopUpRequest(
            @NotNull @DecimalMin(value = "0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
            @Schema(example = "100.00") BigDecimal amount,
            @Size(max = 100) @Schema(description = "External reference; a reference is credited once", example = "bank-2026-000123") String reference,
            @Size(max = 500) String note) {
    }

    @Schema(name = "CreditRequest")
    public record CreditRequest(@NotNull @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            @Schema(example = "500.00") BigDecimal creditLimit) {
    }

    @Schema(name = "ResellerRequest")
    public record ResellerRequest(@Size(min = 1, max = 100) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
            @Schema(description = "The reseller's name; null detaches the account", example = "Acme Partners") String reseller) {
    }

    @GET
    @Operation(operationId = "findAccountBySubject", summary = "Find an account by its token subject",
            description = "The account whose token subject (the identity provider's user id) is given: balance, "
                    + "credit and reseller. An account exists once its user has called the service; before that "
                    + "404.")
    public Uni<AccountView> find(@RestQuery @NotBlank String subject) {
        if (subject == null || subject.isBlank()) {
            throw ProblemException.invalid("subject", "is required");
        }
        return accounts.findBySubject(subject.trim());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOperatorAccount", summary = "An account's balance, credit and reseller",
            description = "Any account's currency, balance, credit limit and available credit, offer credit, and "
                    + "reseller.")
    public Uni<AccountView> get(@RestPath UUID id) {
        return accounts.find(id);
    }

    @POST
    @Path("/{id}/top-up")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "topUpAccount", summary = "Top up an account", description = "Credits the balance "
            + "through the ledger. A reference "
            + "already credited is not credited again (the account is returned unchanged). Accepts an Idempotency-Key "
            + "(scoped to your operator account): the same key and body answer again (Idempotent-Replayed: true) and "
            + "credit nothing again; another body 422.")
    @APIResponse(responseCode = "200", description = "The account after the top-up", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = AccountView.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<RestResponse<AccountView>> topUp(@RestPath UUID id, @Valid @NotNull TopUpRequest request,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        var r = new TopUps.Request(id, request.amount(), request.reference(),
                request.note() == null ? "Top-up by operator" : request.note());
        return account.id().chain(me -> topUps.topUp(me, idempotencyKey, "operator-top-up", r))
                .chain(first -> accounts.find(id).map(a -> Idempotency.answer(first, a).build()));
    }

    @PUT
    @Path("/{id}/credit")
    @Operation(operationId = "setCreditLimit", summary = "Set the credit limit", description = "Enables (or "
            + "changes, or with 0 disables) postpaid "
            + "credit payment. A limit below what the account already owes on credit answers 422.")
    public Uni<AccountView> credit(@RestPath UUID id, @Valid @NotNull CreditRequest request) {
        return accountService.setCreditLimit(id, request.creditLimit()).chain(() -> accounts.find(id));
    }

    @PUT
    @Path("/{id}/offer-credit")
    @Operation(operationId = "setOfferCreditLimit", summary = "Set the offer credit limit", description = "The "
            + "credit line milestone-paid offer orders "
            + "draw on, separate from the platform's credit. A limit below what is in use answers 422.")
    public Uni<AccountView> offerCredit(@RestPath UUID id, @Valid @NotNull CreditRequest request) {
        return accountService.setOfferCreditLimit(id, request.creditLimit()).chain(() -> accounts.find(id));
    }

    @PUT
    @Path("/{id}/reseller")
    @Operation(operationId = "setReseller", summary = "Attach the account to a reseller (or detach it)", description = "A "
            + "reseller's customers do "
            + "not pay their orders: the reseller does, and the amount shown is for reference.")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AccountView> reseller(@RestPath UUID id, @Valid @NotNull ResellerRequest request) {
        return accountService.setReseller(id, request.reseller()).chain(() -> accounts.find(id));
    }
}
