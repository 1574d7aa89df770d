package dev.opengallery.metering;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Times;
import dev.opengallery.jobs.JobDoc;
import dev.opengallery.jobs.JobRequest;
import dev.opengallery.jobs.JobRun;
import dev.opengallery.jobs.NamedJob;
import io.smallrye.mutiny.Uni;

/** Pay-per-use billing and the compute-event outbox as jobs an operator runs by name ({@code jobs.JobsResource}). */
public final class MeteringJobs {

    /** The most events or deliveries an operator's run sends at once. */
    static final int MAX_LIMIT = 1000;

    private MeteringJobs() {
    }

    @ApplicationScoped
    @JobDoc(name = MeteringJob.JOB, operationId = "runMeteringJob", summary = "Run pay-per-use billing now",
            description = "Without `hour`: bills every closed hour not billed yet (as the scheduled job does). With "
                    + "`hour` (ISO 8601, on the hour, closed): bills that hour for every ECS. Either way only missing "
                    + "charges are written (one per ECS, image and hour, database-enforced), so it is safe to repeat and "
                    + "safe while the scheduler or another replica runs. `moved` is the number of charges written.",
            params = @JobDoc.Param(name = "hour", description = "The closed hour to bill, on the hour",
                    example = "2026-11-25T10:00:00Z"),
            answer = MeteringJob.Run.class)
    public static class Billing extends NamedJob {

        Billing() {
            super(MeteringJob.JOB, "opengallery.metering.billing-every", "5m");
        }

        @Inject
        MeteringJob job;

        @Inject
        AppClock clock;

        @Override
        public Uni<JobRun> run(JobRequest request) {
            Optional<String> hour = request.param("hour");
            return (hour.isEmpty() ? job.catchUp() : job.runForHour(closedHour(hour.get()))).map(Billing::jobRun);
        }

        private Instant closedHour(String hour) {
            Instant h = ChargeResource.instant("hour", hour);
            if (h == null) {
                throw ProblemException.invalid("hour", "must be an ISO 8601 date-time on the hour, e.g. 2026-11-25T10:00:00Z");
            }
            if (!h.equals(BillableUse.hourOf(h))) {
                throw ProblemException.invalid("hour", "must be on the hour, e.g. 2026-11-25T10:00:00Z");
            }
            if (job.earliest().isPresent() && h.isBefore(job.earliest().get())) {
                throw ProblemException.unprocessable("Hour " + h + " is before the earliest billed hour "
                        + job.earliest().get() + " (opengallery.metering.earliest-hour)");
            }
            Instant now = clock.now();
            if (h.plus(BillableUse.HOUR).isAfter(now)) {
                throw ProblemException.unprocessable("Hour " + h + " is not over yet (now " + now + "): only closed "
                        + "hours are billed");
            }
            return h;
        }

        /** The run as a JobRun: moved is the charges written; the run's own fields beside. */
        static JobRun jobRun(MeteringJob.Run run) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("runId", run.runId());
            details.put("from", run.from());
            details.put("to", run.to());
            details.put("charges", run.charges());
            details.put("accounts", run.accounts());
            details.put("amount", run.amount());
            details.put("arrears", run.arrears());
            details.put("suspends", run.suspends());
            return new JobRun(run.job(), run.moved(), run.ranAt(), details);
        }
    }

    @ApplicationScoped
    @JobDoc(name = ComputeEventOutbox.JOB, operationId = "runMeteringOutboxJob",
            summary = "Deliver due SUSPEND/RESUME/RELEASE events now", description = "Sends up to `limit` due events "
                    + "to the compute service (default: the batch size) and answers how many were sent or rescheduled "
                    + "after a failure.",
            params = @JobDoc.Param(name = "limit", type = "integer", example = "50",
                    description = "How many due events to send at most (1 to 1000; default: the batch size)"))
    public static class ComputeEvents extends NamedJob {

        ComputeEvents() {
            super(ComputeEventOutbox.JOB, "opengallery.metering.outbox-every", "10s");
        }

        @Inject
        ComputeEventOutbox outbox;

        @Inject
        AppClock clock;

        @Override
        public Uni<JobRun> run(JobRequest request) {
            int limit = request.integer("limit", 1, MAX_LIMIT, outbox.batchSize());
            var ranAt = Times.ts(clock.now());
            return outbox.deliverDue(limit).map(n -> new JobRun(ComputeEventOutbox.JOB, n, ranAt));
        }
    }
}
