package dev.opengallery.renewal;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.apps.PurchasedAppView;
import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Roles;
import dev.opengallery.payments.Idempotency;
import io.smallrye.mutiny.Uni;

/** Renewals of the buyer's yearly/monthly apps (the billing centre's Renewals page): by hand, and automatic. */
@Path("/api/renewals")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer: renewals")
public class RenewalResource {

    @Inject
    CurrentAccount account;

    @Inject
    RenewalService renewals;

    @POST
    @Path("/{subscriptionId}/quote")
    @Operation(operationId = "quoteRenewal", summary = "Price a renewal", description = "The current catalogue "
            + "price of the app's specification and "
            + "quantity for that many periods (images add the ECS fee), and the expiry it would give: the renewal "
            + "always extends the current expiry, also in grace or retention. Changes nothing.")
    public Uni<RenewalViews.Quote> quote(@RestPath UUID subscriptionId, @Valid @NotNull RenewalViews.QuoteRequest request) {
        return account.id().chain(me -> renewals.quote(me, subscriptionId, request.periods()));
    }

    @POST
    @Path("/{subscriptionId}")
    @Operation(operationId = "renewApp", summary = "Renew an app by hand", description = "Places and pays (BALANCE "
            + "or CREDIT) a RENEWAL order; "
            + "the app is ACTIVE until its new expiry. Allowed while ACTIVE, in GRACE or in RETENTION, not once "
            + "RELEASED (409). Renewing a license or service opens no service flow. A renewal names the expiry it "
            + "renews (renewsFrom: a second click then answers 409) or carries an Idempotency-Key (a second click "
            + "replays the first answer); with neither it answers 400, so a repeated click never renews twice.")
    @APIResponse(responseCode = "201", description = "Renewed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RenewalViews.Result.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<RenewalViews.Result>> renew(@RestPath UUID subscriptionId,
            @Valid @NotNull RenewalViews.Request request,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        return account.id().chain(me -> renewals.renew(me, subscriptionId, request, idempotencyKey));
    }

    @GET
    @Path("/{subscriptionId}/auto-renewal")
    @Operation(operationId = "getAutoRenewal", summary = "An app's auto-renewal setting",
            description = "Whether the system renews this app by itself, for how many periods, when it will next "
                    + "try and why the last attempt failed.")
    public Uni<PurchasedAppView.AutoRenewalView> autoRenewal(@RestPath UUID subscriptionId) {
        return account.id().chain(me -> renewals.autoRenewal(me, subscriptionId));
    }

    @PUT
    @Path("/{subscriptionId}/auto-renewal")
    @Operation(operationId = "enableAutoRenewal", summary = "Enable auto-renewal, or change its period", description = "The "
            + "system renews the app 7 days "
            + "before it expires, for that many periods, from the balance (else on credit), and retries daily while "
            + "the payment fails; you are notified of each success and failure.")
    public Uni<PurchasedAppView.AutoRenewalView> enable(@RestPath UUID subscriptionId,
            @Valid @NotNull RenewalViews.AutoRequest request) {
        return account.id().chain(me -> renewals.enable(me, subscriptionId, request.periods()));
    }

    @DELETE
    @Path("/{subscriptionId}/auto-renewal")
    @Operation(operationId = "disableAutoRenewal", summary = "Disable auto-renewal",
            description = "Turns auto-renewal off: the system no longer renews the app; renewing by hand stays "
                    + "possible.")
    public Uni<PurchasedAppView.AutoRenewalView> disable(@RestPath UUID subscriptionId) {
        return account.id().chain(me -> renewals.disable(me, subscriptionId));
    }
}
