package dev.opengallery.offers;

import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Roles;
import dev.opengallery.jobs.JobRun;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Marks milestone bills overdue once their 30 days have passed: on a schedule, and on an operator's demand. */
@ApplicationScoped
public class MilestoneJobs {

    @Inject
    MilestoneBills bills;

    @Inject
    AppClock clock;

    public Uni<JobRun> run() {
        return bills.markOverdue().map(n -> new JobRun("overdue-milestone-bills", n, clock.now().atOffset(ZoneOffset.UTC)));
    }

    @Scheduled(identity = "overdue-milestone-bills", every = "${opengallery.milestones.overdue-job-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    @Path("/api/operator/jobs/overdue-milestone-bills/run")
    @RolesAllowed(Roles.OPERATOR)
    @Tag(name = "Operator: jobs")
    public static class RunResource {

        @Inject
        MilestoneJobs job;

        @POST
        @Operation(operationId = "runOverdueMilestoneBillsJob", summary = "Mark overdue milestone bills now", description = "Bills unpaid 30 days after they were "
                + "generated become OVERDUE. Idempotent.")
        public Uni<JobRun> run() {
            return job.run();
        }
    }
}
