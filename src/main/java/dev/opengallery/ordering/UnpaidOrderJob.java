package dev.opengallery.ordering;

import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.opengallery.core.AppClock;
import dev.opengallery.jobs.JobRun;
import dev.opengallery.jobs.TimedJob;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Cancels orders left unpaid for 24 hours (configurable), on a schedule and on an operator's demand. */
@ApplicationScoped
public class UnpaidOrderJob {

    @Inject
    OrderService orders;

    @Inject
    AppClock clock;

    @ConfigProperty(name = "opengallery.orders.unpaid-timeout", defaultValue = "24H")
    Duration unpaidTimeout;

    @TimedJob("unpaid-orders")
    public Uni<JobRun> run() {
        return orders.cancelUnpaid(unpaidTimeout)
                .map(n -> new JobRun("unpaid-orders", n, clock.now().atOffset(ZoneOffset.UTC)));
    }

    @Scheduled(identity = "unpaid-orders", every = "${opengallery.orders.unpaid-job-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }
}
