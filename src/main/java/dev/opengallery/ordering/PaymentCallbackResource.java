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
import jakarta.validation.constraints.Size;
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
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Roles;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.payments.TopUps;
import io.smallrye.mutiny.Uni;

/** The payment provider reports a completed top-up (client-credentials token with role {@code payment}). */
@Path("/api/payments/top-ups")
@RolesAllowed(Roles.PAYMENT)
@Tag(name = "Payment provider")
public class PaymentCallbackResource {

    @Inject
    TopUps topUps;

    @Inject
    Accounts accounts;

    @Inject
    CurrentAccount account;

    @Schema(name = "ProviderTopUp")
    public record ProviderTopUp(
            @NotNull UUID accountId,
            @NotNull @DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
            @Schema(description = "What the customer paid, in the account's currency", example = "50.00") BigDecimal amount,
            @NotBlank @Size(max = 100) @Schema(description = "The provider's payment id: credited once", example = "pay_8F3K2") String reference) {
    }

    @Schema(name = "TopUpResult")
    public record TopUpResult(boolean credited, AccountView account) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportProviderTopUp", summary = "A top-up completed at the payment provider", description = "Credits "
            + "the account once per "
            + "reference: a repeated notification answers credited=false and changes nothing. Accepts an "
            + "Idempotency-Key: the same key and body answer as the first time (credited as then, "
            + "Idempotent-Replayed: true) and credit nothing again; another body 422.")
    @APIResponse(responseCode = "200", description = "Whether this request credited the account, and the account",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TopUpResult.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<RestResponse<TopUpResult>> topUp(@Valid @NotNull ProviderTopUp request,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        var r = new TopUps.Request(request.accountId(), request.amount(), request.reference(),
                "Top-up via payment provider");
        return account.id().chain(me -> topUps.topUp(me, idempotencyKey, "provider-top-up", r))
                .chain(first -> accounts.find(request.accountId())
                        .map(a -> Idempotency.answer(first, new TopUpResult(first.getEntity(), a)).build()));
    }
}
