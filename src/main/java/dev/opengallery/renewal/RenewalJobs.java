package dev.opengallery.renewal;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Times;
import dev.opengallery.jobs.JobDoc;
import dev.opengallery.jobs.JobRequest;
import dev.opengallery.jobs.JobRun;
import dev.opengallery.jobs.NamedJob;
import dev.opengallery.jobs.TimedJob;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The auto-renewal job and the expiry lifecycle job, on a schedule and on an operator's demand (as the jobs
 * {@link AutoRenewals} and {@link Lifecycle}). Both are idempotent and safe while other replicas run them.
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

    @TimedJob(AUTO_RENEWALS)
    public Uni<JobRun> autoRenew() {
        return renewals.renewDue().map(n -> new JobRun(AUTO_RENEWALS, n, Times.ts(clock.now())));
    }

    @TimedJob(LIFECYCLE)
    public Uni<JobRun> lifecycle() {
        return lifecycle.run().map(n -> new JobRun(LIFECYCLE, n, Times.ts(clock.now())));
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

    @ApplicationScoped
    @JobDoc(name = AUTO_RENEWALS, operationId = "runAutoRenewalsJob", summary = "Run the auto-renewal job now",
            description = "Renews every app with auto-renewal whose expiry is within opengallery.renewal.auto-renew-lead "
                    + "(7 days) and whose retry time has come, charging the balance (else the credit line); a failed "
                    + "payment is retried after opengallery.renewal.retry-every (1 day). Answers how many apps were "
                    + "renewed or failed. Idempotent.")
    public static class AutoRenewals extends NamedJob {

        AutoRenewals() {
            super(AUTO_RENEWALS, "opengallery.renewal.auto-renew-job-every", "1h");
        }

        @Inject
        RenewalJobs jobs;

        @Override
        public Uni<JobRun> run(JobRequest request) {
            return jobs.autoRenew();
        }
    }

    @ApplicationScoped
    @JobDoc(name = LIFECYCLE, operationId = "runSubscriptionLifecycleJob", summary = "Run the expiry lifecycle job now",
            description = "ACTIVE apps past their expiry become GRACE, GRACE apps 15 days past it RETENTION, RETENTION "
                    + "apps 30 days past it RELEASED (opengallery.renewal.grace-period, "
                    + "opengallery.renewal.retention-period); buyers are notified at each step. Answers how many apps "
                    + "moved. Idempotent.")
    public static class Lifecycle extends NamedJob {

        Lifecycle() {
            super(LIFECYCLE, "opengallery.renewal.lifecycle-job-every", "15m");
        }

        @Inject
        RenewalJobs jobs;

        @Override
        public Uni<JobRun> run(JobRequest request) {
            return jobs.lifecycle();
        }
    }
}
