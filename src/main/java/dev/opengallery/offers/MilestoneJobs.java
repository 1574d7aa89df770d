package dev.opengallery.offers;


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

/** Marks milestone bills overdue once their 30 days have passed: on a schedule, and on an operator's demand. */
@ApplicationScoped
@JobDoc(name = MilestoneJobs.JOB, operationId = "runOverdueMilestoneBillsJob", summary = "Mark overdue milestone bills now",
        description = "Bills unpaid 30 days after they were generated become OVERDUE. Idempotent.")
public class MilestoneJobs extends NamedJob {

    MilestoneJobs() {
        super(JOB, "opengallery.milestones.overdue-job-every", "1h");
    }

    public static final String JOB = "overdue-milestone-bills";

    @Inject
    MilestoneBills bills;

    @Inject
    AppClock clock;

    @Override
    public Uni<JobRun> run(JobRequest request) {
        return run();
    }

    @TimedJob(JOB)
    public Uni<JobRun> run() {
        return bills.markOverdue().map(n -> new JobRun(JOB, n, Times.ts(clock.now())));
    }

    @Scheduled(identity = JOB, every = "${opengallery.milestones.overdue-job-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }
}
