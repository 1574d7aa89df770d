package dev.opengallery.renewal;

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

/**
 * The auto-renewal job and the expiry lifecycle job, on a schedule and on an operator's demand. Both are
 * idempotent and safe while other replicas run them.
 */
@ApplicationScoped
public class RenewalJobs {

    public static final String AUTO_RENEWALS = "auto-renewals";
    public static final String LIFECYCLE = "subscription-lifecycle";

    @Inject
    RenewalService renewals;

    @Inject
    LifecycleService lifecycle;

    @Inject
    AppClock clock;

    public Uni<JobRun> autoRenew() {
        return renewals.renewDue().map(n -> new JobRun(AUTO_RENEWALS, n, clock.now().atOffset(ZoneOffset.UTC)));
    }

    public Uni<JobRun> lifecycle() {
        return lifecycle.run().map(n -> new JobRun(LIFECYCLE, n, clock.now().atOffset(ZoneOffset.UTC)));
    }

    @Scheduled(identity = AUTO_RENEWALS, every = "${opengallery.renewal.auto-renew-job-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledAutoRenew() {
        return autoRenew().replaceWithVoid();
    }

    @Scheduled(identity = LIFECYCLE, every = "${opengallery.renewal.lifecycle-job-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledLifecycle() {
        return lifecycle().replaceWithVoid();
    }

    @Path("/api/operator/jobs/" + AUTO_RENEWALS + "/run")
    @RolesAllowed(Roles.OPERATOR)
    @Tag(name = "Operator: jobs")
    public static class AutoRenewalRun {

        @Inject
        RenewalJobs jobs;

        @POST
        @Operation(operationId = "runAutoRenewalsJob", summary = "Run the auto-renewal job now", description = "Renews every app with auto-renewal whose "
                + "expiry is within opengallery.renewal.auto-renew-lead (7 days) and whose retry time has come, "
                + "charging the balance (else the credit line); a failed payment is retried after "
                + "opengallery.renewal.retry-every (1 day). Answers how many apps were renewed or failed. Idempotent.")
        public Uni<JobRun> run() {
            return jobs.autoRenew();
        }
    }

    @Path("/api/operator/jobs/" + LIFECYCLE + "/run")
    @RolesAllowed(Roles.OPERATOR)
    @Tag(name = "Operator: jobs")
    public static class LifecycleRun {

        @Inject
        RenewalJobs jobs;

        @POST
        @Operation(operationId = "runSubscriptionLifecycleJob", summary = "Run the expiry lifecycle job now", description = "ACTIVE apps past their expiry become "
                + "GRACE, GRACE apps 15 days past it RETENTION, RETENTION apps 30 days past it RELEASED "
                + "(opengallery.renewal.grace-period, opengallery.renewal.retention-period); buyers are notified at each "
                + "step. Answers how many apps moved. Idempotent.")
        public Uni<JobRun> run() {
            return jobs.lifecycle();
        }
    }
}
