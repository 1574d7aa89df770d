package dev.opengallery.supervision;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.jobs.JobDoc;
import dev.opengallery.jobs.JobRequest;
import dev.opengallery.jobs.JobRun;
import dev.opengallery.jobs.NamedJob;
import io.smallrye.mutiny.Uni;

/** The three time rules of {@link SupervisionJobs} as jobs an operator runs by name ({@code jobs.JobsResource}). */
public final class SupervisionJobRuns {

    private SupervisionJobRuns() {
    }

    @ApplicationScoped
    @JobDoc(name = SupervisionJobs.APPEALABLE, operationId = "runSupervisionAppealableJob",
            summary = "Run the appealability job now", description = "Flows where it has been the seller's turn for "
                    + "more than 5 days (opengallery.supervision.appeal-after) become appealable and the buyer is "
                    + "notified once; likewise the seller when the buyer has not acted on a delivery. Idempotent; safe "
                    + "while the scheduler or another replica runs it.")
    public static class Appealable extends NamedJob {

        Appealable() {
            super(SupervisionJobs.APPEALABLE, "opengallery.supervision.appealable-job-every", "15m");
        }

        @Inject
        SupervisionJobs jobs;

        @Override
        public Uni<JobRun> run(JobRequest request) {
            return jobs.runAppealable();
        }
    }

    @ApplicationScoped
    @JobDoc(name = SupervisionJobs.COMPLETION, operationId = "runSupervisionCompletionJob",
            summary = "Run the completion job now", description = "Flows accepted 3 hours ago or earlier "
                    + "(opengallery.supervision.complete-after) become COMPLETED with their orders; SaaS apps become "
                    + "visible among purchased apps. Idempotent; safe while the scheduler or another replica runs it.")
    public static class Completion extends NamedJob {

        Completion() {
            super(SupervisionJobs.COMPLETION, "opengallery.supervision.completion-job-every", "5m");
        }

        @Inject
        SupervisionJobs jobs;

        @Override
        public Uni<JobRun> run(JobRequest request) {
            return jobs.runCompletion();
        }
    }

    @ApplicationScoped
    @JobDoc(name = SupervisionJobs.AUTO_CLOSE, operationId = "runSupervisionAutoCloseJob",
            summary = "Run the 365-day job now", description = "Flows in progress for more than 365 days "
                    + "(opengallery.supervision.auto-close-after): with an invoice requested (REQUESTED, ISSUED or "
                    + "RETURN_REQUESTED) the flow is CLOSED and the order COMPLETED; otherwise the flow and the order "
                    + "are CANCELED and the buyer refunded. An open appeal is closed with it. Idempotent; safe while "
                    + "the scheduler or another replica runs it.")
    public static class AutoClose extends NamedJob {

        AutoClose() {
            super(SupervisionJobs.AUTO_CLOSE, "opengallery.supervision.auto-close-job-every", "24h");
        }

        @Inject
        SupervisionJobs jobs;

        @Override
        public Uni<JobRun> run(JobRequest request) {
            return jobs.runAutoClose();
        }
    }
}
