package dev.opengallery.notifications;

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

/** Operators run the notification delivery job once, now, instead of waiting for its next tick. */
@Path("/api/operator/jobs/" + NotificationDeliveryJob.JOB)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: jobs")
public class NotificationJobResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    NotificationDeliveryJob job;

    @Inject
    AppClock clock;

    @POST
    @Path("/run")
    @Operation(operationId = "runNotificationDeliveryJob", summary = "Send due notifications now", description = "Sends "
            + "up to `limit` due e-mails and text "
            + "messages (default: the configured batch size) and answers how many deliveries changed state (sent, "
            + "rescheduled after a failure, or failed for good). Safe to call while the scheduled job runs.")
    public Uni<JobRun> run(@RestQuery Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        var ranAt = clock.now().atOffset(ZoneOffset.UTC);
        return job.deliverDue(limit == null ? job.batchSize() : limit).map(moved -> new JobRun(NotificationDeliveryJob.JOB, moved, ranAt));
    }
}
