package dev.opengallery.metering;

import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import dev.opengallery.jobs.JobRun;
import io.smallrye.mutiny.Uni;

/** Operators deliver due SUSPEND/RESUME/RELEASE events to the compute service now, instead of waiting for the next tick. */
@Path("/api/operator/jobs/" + ComputeEventOutbox.JOB)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: jobs")
public class OperatorComputeOutboxResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    ComputeEventOutbox outbox;

    @Inject
    AppClock clock;

    @POST
    @Path("/run")
    @Operation(operationId = "runMeteringOutboxJob", summary = "Deliver due SUSPEND/RESUME/RELEASE events now", description = "Sends "
            + "up to `limit` due events to the "
            + "compute service (default: the batch size) and answers how many were sent or rescheduled after a failure.")
    public Uni<JobRun> deliver(@RestQuery Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        var ranAt = clock.now().atOffset(ZoneOffset.UTC);
        return outbox.deliverDue(limit == null ? outbox.batchSize() : limit).map(n -> new JobRun(ComputeEventOutbox.JOB, n, ranAt));
    }
}
