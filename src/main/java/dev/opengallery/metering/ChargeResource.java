package dev.opengallery.metering;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Page;
import dev.opengallery.core.Params;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** Buyers see what their pay-per-use images cost, hour by hour. */
@Path("/api/metering")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer: pay-per-use charges")
public class ChargeResource {

    @Inject
    Charges charges;

    @Inject
    CurrentAccount account;

    @GET
    @Path("/charges")
    @Operation(operationId = "listCharges", summary = "Your pay-per-use image charges", description = "One row per ECS, image and clock hour, "
            + "newest first. Filters: ecsId, productId (the image), and an hour range from (inclusive) to (exclusive), "
            + "ISO 8601 date-times.")
    public Uni<Page<Charges.ChargeView>> list(@RestQuery @Parameter(example = "ecs-4b1d2c3e5f60") String ecsId,
            @RestQuery String productId,
            @RestQuery @Parameter(example = "2026-11-25T00:00:00Z") String from,
            @RestQuery @Parameter(example = "2026-11-26T00:00:00Z") String to,
            @RestQuery Integer page, @RestQuery Integer size) {
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (f != null && t != null && !f.isBefore(t)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (ecsId != null && ecsId.length() > 100) {
            throw ProblemException.invalid("ecsId", "must be at most 100 characters");
        }
        Charges.Filter filter = new Charges.Filter(ecsId == null || ecsId.isBlank() ? null : ecsId.trim(),
                Params.uuid("productId", productId), f, t);
        int p = Params.page(page);
        int s = Params.size(size);
        return account.id().chain(me -> charges.list(me, filter, p, s));
    }

    @GET
    @Path("/charges.csv")
    @Produces("text/csv")
    @Operation(operationId = "downloadChargesCsv", summary = "Download a month of pay-per-use charges as CSV", description = "month=YYYY-MM (UTC); one "
            + "line per ECS, image and hour, oldest first, then a total line.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(implementation = String.class)))
    public Uni<RestResponse<String>> csv(@RestQuery @Parameter(example = "2026-11", required = true) String month) {
        YearMonth m;
        if (month == null || month.isBlank()) {
            throw ProblemException.invalid("month", "is required (YYYY-MM)");
        }
        try {
            m = YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "must be YYYY-MM");
        }
        if (m.getYear() < 2000 || m.getYear() > 9998) {
            throw ProblemException.invalid("month", "must be between 2000-01 and 9998-12");
        }
        return account.id().chain(me -> charges.csv(me, m)).map(text -> RestResponse.ResponseBuilder
                .ok(text, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"pay-per-use-charges-" + m + ".csv\"").build());
    }

    @GET
    @Path("/account")
    @Operation(operationId = "getMeteringAccount", summary = "Your pay-per-use arrears", description = "Arrears (a top-up settles them first and resumes "
            + "the suspended ECSs), fractions of a cent charged but not yet posted, and the ECSs suspended for arrears.")
    public Uni<Charges.AccountState> state() {
        return account.id().chain(charges::state);
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant i = OffsetDateTime.parse(value.trim()).toInstant();
            if (i.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || i.isAfter(Instant.parse("9999-01-01T00:00:00Z"))) {
                throw ProblemException.invalid(name, "is out of range");
            }
            return i;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO 8601 date-time with offset, e.g. 2026-11-25T10:00:00Z");
        }
    }
}
