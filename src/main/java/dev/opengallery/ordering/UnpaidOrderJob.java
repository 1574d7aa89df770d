package dev.opengallery.ordering;


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

/** Cancels orders left unpaid for 24 hours (configurable), on a schedule and on an operator's demand. */
@ApplicationScoped
@JobDoc(name = UnpaidOrderJob.JOB, operationId = "runUnpaidOrdersJob", summary = "Run the unpaid-order job now",
        description = "Cancels orders unpaid 24 hours after they were placed (opengallery.orders.unpaid-timeout). "
                + "Idempotent; safe while the scheduler also runs it.")
public class UnpaidOrderJob extends NamedJob {

    UnpaidOrderJob() {
        super(JOB, "opengallery.orders.unpaid-job-every", "5m");
    }

    public static final String JOB = "unpaid-orders";

    @Inject
    OrderService orders;

    @Inject
    AppClock clock;

    @Inject
    OrdersConfig config;

    @Override
    public Uni<JobRun> run(JobRequest request) {
        return run();
    }

    @TimedJob(JOB)
    public Uni<JobRun> run() {
        return orders.cancelUnpaid(config.unpaidTimeout())
                .map(n -> new JobRun("unpaid-orders", n, Times.ts(clock.now())));
    }

    @Scheduled(identity = "unpaid-orders", every = "${opengallery.orders.unpaid-job-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }
}
