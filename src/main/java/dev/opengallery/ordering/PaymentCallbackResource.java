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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.opengallery.core.Roles;
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

    @Schema(name = "ProviderTopUp")
    public record ProviderTopUp(
            @NotNull UUID accountId,
            @NotNull @DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal amount,
            @NotBlank @Size(max = 100) @Schema(description = "The provider's payment id: credited once", example = "pay_8F3K2") String reference) {
    }

    @Schema(name = "TopUpResult")
    public record TopUpResult(boolean credited, AccountView account) {
    }

    @POST
    @Operation(summary = "A top-up completed at the payment provider", description = "Credits the account once per "
            + "reference: a repeated notification answers credited=false and changes nothing.")
    public Uni<TopUpResult> topUp(@Valid @NotNull ProviderTopUp request) {
        return topUps.topUp(request.accountId(), request.amount(), request.reference(), "Top-up via payment provider")
                .chain(credited -> accounts.find(request.accountId()).map(a -> new TopUpResult(credited, a)));
    }
}
