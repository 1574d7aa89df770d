package dev.opengallery.apps;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.Problem;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import dev.opengallery.payments.Idempotency;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The buyer's purchased apps: list, details, password reveal, upgrade, capacity expansion, unsubscription. */
@Path("/api/apps")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer: purchased apps")
public class PurchasedAppResource {

    static final String IDEMPOTENCY = "Accepts an Idempotency-Key: the same key and body answer the same order "
            + "(Idempotent-Replayed: true) and pay nothing again; another body 422; concurrent requests with one key "
            + "place one order.";

    @Inject
    CurrentAccount account;

    @Inject
    SecurityIdentity identity;

    @Inject
    AppService apps;

    @Inject
    ChangeService changes;

    @Inject
    UnsubscriptionService unsubscriptions;

    @Inject
    AppClock clock;

    @GET
    @Operation(operationId = "listApps", summary = "Your purchased apps", description = "Newest purchase first. "
            + "Filters: type (product type), "
            + "state (ACTIVE, GRACE, RETENTION, RELEASED, UNSUBSCRIBED, CANCELED), productName (contains, any case), "
            + "expiringWithinDays (expires from now to that many days ahead). SaaS with service supervision is listed "
            + "once its supervision completes.")
    public Uni<Page<PurchasedAppView>> list(@RestQuery String type, @RestQuery String state,
            @RestQuery @Parameter(example = "crm") String productName,
            @RestQuery @Parameter(example = "30") String expiringWithinDays, @RestQuery Integer page,
            @RestQuery Integer size) {
        ProductType t = Params.enumOf(ProductType.class, "type", type);
        AppStatus s = Params.enumOf(AppStatus.class, "state", state);
        Integer within = days(expiringWithinDays);
        if (productName != null && productName.length() > 200) {
            throw ProblemException.invalid("productName", "must be at most 200 characters");
        }
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> apps.list(new Subscriptions.Filter(me, null, t, s, productName, within,
                clock.now()), p, n));
    }

    static Integer days(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int d = Integer.parseInt(value.trim());
            if (d < 0 || d > 3660) {
                throw ProblemException.invalid("expiringWithinDays", "must be between 0 and 3660");
            }
            return d;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("expiringWithinDays", "must be a whole number of days");
        }
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApp", summary = "One purchased app", description = "Basic information "
            + "(specification, quantity, billing mode, "
            + "start, expiry, state, auto-renewal), seller information, and for SaaS the application information "
            + "(username, management and frontend URLs, guide) without the password, with its history.")
    public Uni<PurchasedAppView> get(@RestPath UUID id) {
        return account.id().chain(me -> apps.details(me, id));
    }

    @POST
    @Path("/{id}/password/reveal")
    @Operation(operationId = "revealAppPassword", summary = "Reveal a SaaS app's initial password", description = "The "
            + "only answer that carries the "
            + "password. Every attempt is audited; a subscription's password can be revealed a limited number of "
            + "times per hour (opengallery.apps.reveal-limit per opengallery.apps.reveal-window), beyond that 429. "
            + "422 while the seller has not supplied it.")
    @APIResponse(responseCode = "200", description = "The password", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RevealedPassword.class)))
    @APIResponse(responseCode = "429", description = "Revealed too often: try again after Retry-After seconds, when "
            + "the oldest reveal in the window no longer counts", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)),
            headers = @Header(name = "Retry-After", description = "Seconds until a reveal is allowed again",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<RevealedPassword>> reveal(@RestPath UUID id) {
        String subject = identity.getPrincipal().getName();
        return account.id().chain(me -> apps.reveal(me, subject, id)).map(r -> RestResponse.ResponseBuilder.ok(r)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build());
    }

    @POST
    @Path("/{id}/upgrade/quote")
    @Operation(operationId = "quoteUpgrade", summary = "Price a specification upgrade", description = "Upgrade fee "
            + "= new daily price x remaining days "
            + "x discount - original daily price x remaining days x discount, rounded half-up once; shows its working. "
            + "Yearly/monthly SaaS only; a negative fee is a downgrade and answers 422. Changes nothing.")
    public Uni<ChangeRequests.Quote> quoteUpgrade(@RestPath UUID id, @Valid @NotNull ChangeRequests.Upgrade request) {
        return account.id().chain(me -> changes.quoteUpgrade(me, id, request));
    }

    @POST
    @Path("/{id}/upgrade")
    @Operation(operationId = "upgradeApp", summary = "Upgrade the specification", description = "Places and pays "
            + "(BALANCE or CREDIT) an UPGRADE "
            + "order for the quoted fee; once paid the app has the new specification. " + IDEMPOTENCY)
    @APIResponse(responseCode = "201", description = "Upgraded", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ChangeRequests.Result.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ChangeRequests.Result>> upgrade(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.Upgrade request,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        return account.id().chain(me -> changes.upgrade(me, id, request, idempotencyKey));
    }

    @POST
    @Path("/{id}/expansion/quote")
    @Operation(operationId = "quoteExpansion", summary = "Price a capacity expansion", description = "LINEAR and "
            + "TIERED (and every model bought before "
            + "the cutover, 2023-06-12): unit price of the tier of the new total x total x remaining days x discount "
            + "- original price x remaining days x discount. VOLUME: unit price of the tier of the new total x added "
            + "units x remaining days x discount. Daily prices, rounded half-up once; shows its working.")
    public Uni<ChangeRequests.Quote> quoteExpansion(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.Expansion request) {
        return account.id().chain(me -> changes.quoteExpansion(me, id, request));
    }

    @POST
    @Path("/{id}/expansion")
    @Operation(operationId = "expandApp", summary = "Expand capacity (add users)", description = "Places and pays "
            + "an EXPANSION order for the "
            + "quoted fee; once paid the app has the new quantity. " + IDEMPOTENCY)
    @APIResponse(responseCode = "201", description = "Expanded", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ChangeRequests.Result.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ChangeRequests.Result>> expand(@RestPath UUID id,
            @Valid @NotNull ChangeRequests.Expansion request,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        return account.id().chain(me -> changes.expand(me, id, request, idempotencyKey));
    }

    @GET
    @Path("/{id}/unsubscription")
    @Operation(operationId = "quoteUnsubscription", summary = "Can this app be unsubscribed, and for what refund", description = "Yearly/monthly "
            + "images: "
            + "within 5 days of purchase everything paid, after that amount paid x unused days / days bought, rounded "
            + "down. Pay-per-use images, SaaS, licenses, services, content and hardware cannot be unsubscribed; an "
            + "issued invoice blocks it until returned. Changes nothing.")
    public Uni<UnsubscriptionQuote> unsubscriptionQuote(@RestPath UUID id) {
        return account.id().chain(me -> unsubscriptions.quote(me, id));
    }

    @Schema(name = "UnsubscribeRequest")
    public record UnsubscribeRequest(@Size(max = 500) @Schema(example = "No longer needed") String reason) {
    }

    @POST
    @Path("/{id}/unsubscribe")
    @Operation(operationId = "unsubscribeApp", summary = "Unsubscribe", description = "Refunds to your account as "
            + "the quote says and ends the app "
            + "(UNSUBSCRIBED). 422 for types and billing modes that cannot be unsubscribed; 409 while an invoice is "
            + "issued (until it is returned) or when the app is no longer live. Accepts an Idempotency-Key: the same "
            + "key and body answer as the first time (Idempotent-Replayed: true) and refund nothing again; another "
            + "body 422.")
    @APIResponse(responseCode = "200", description = "Unsubscribed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = UnsubscriptionResult.class)),
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DOC,
                    schema = @Schema(type = SchemaType.STRING)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<UnsubscriptionResult>> unsubscribe(@RestPath UUID id,
            @RequestBody(required = false) @Valid UnsubscribeRequest request, @Context HttpHeaders headers,
            @RestHeader("Idempotency-Key") @Parameter(description = Idempotency.KEY_DOC) String idempotencyKey) {
        Params.jsonIfSent(headers, request);
        return account.id().chain(me -> unsubscriptions.unsubscribe(me, id, request == null ? null : request.reason(),
                idempotencyKey));
    }
}
