package dev.opengallery.metering;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** Operators run the pay-per-use billing job, for the missed hours or for one given hour. */
@Path("/api/operator/jobs/" + MeteringJob.JOB)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: jobs")
public class OperatorMeteringResource {

    @Inject
    MeteringJob job;

    @Inject
    AppClock clock;

    @POST
    @Path("/run")
    @Operation(operationId = "runMeteringJob", summary = "Run pay-per-use billing now", description = "Without `hour`: bills every closed hour not "
            + "billed yet (as the scheduled job does). With `hour` (ISO 8601, on the hour, closed): bills that hour for "
            + "every ECS. Either way only missing charges are written (one per ECS, image and hour, database-enforced), "
            + "so it is safe to repeat and safe while the scheduler or another replica runs.")
    public Uni<MeteringJob.Run> run(@RestQuery @Parameter(example = "2026-11-25T10:00:00Z") String hour) {
        if (hour == null || hour.isBlank()) {
            return job.catchUp();
        }
        Instant h = ChargeResource.instant("hour", hour);
        if (!h.equals(BillableUse.hourOf(h))) {
            throw ProblemException.invalid("hour", "must be on the hour, e.g. 2026-11-25T10:00:00Z");
        }
        if (job.earliest().isPresent() && h.isBefore(job.earliest().get())) {
            throw ProblemException.unprocessable("Hour " + h + " is before the earliest billed hour "
                    + job.earliest().get() + " (opengallery.metering.earliest-hour)");
        }
        Instant now = clock.now();
        if (h.plus(BillableUse.HOUR).isAfter(now)) {
            throw ProblemException.unprocessable("Hour " + h + " is not over yet (now " + now + "): only closed hours "
                    + "are billed");
        }
        return job.runForHour(h);
    }
}
