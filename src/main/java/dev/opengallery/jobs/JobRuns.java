package dev.opengallery.jobs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.opengallery.core.DatabaseGauges;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Times;
import io.smallrye.mutiny.Uni;

/** Every {@link Job} of the service, found by name, with its last run (from {@link JobRunLog}). */
@ApplicationScoped
public class JobRuns {

    @Inject
    @Any
    Instance<Job> jobs;

    @Inject
    JobRunLog log;

    @Inject
    JobsConfig config;

    @Inject
    DatabaseGauges gauges;

    private volatile Map<String, Job> byName;

    Map<String, Job> byName() {
        Map<String, Job> m = byName;
        if (m == null) {
            m = new TreeMap<>();
            for (Job job : jobs) {
                Job other = m.put(job.name(), job);
                if (other != null) {
                    throw new IllegalStateException("Two jobs are named " + job.name());
                }
            }
            byName = m;
        }
        return m;
    }

    public Uni<List<JobStatus>> list() {
        return log.all().map(runs -> byName().values().stream().map(job -> status(job, runs)).toList());
    }

    public Uni<JobStatus> find(String name) {
        Job job = job(name);
        return log.all().map(runs -> status(job, runs));
    }

    /**
     * Runs the job now; a job with no such name answers 404. When the jobs are triggered from outside, no timer
     * refreshes the database gauges: every run refreshes them once it is done (a failed refresh keeps the last
     * values and does not fail the run), so a scrape while the service is up reads values no older than the last run.
     */
    public Uni<JobRun> run(String name, JobRequest request) {
        Job job = job(name);
        Uni<JobRun> run = Uni.createFrom().deferred(() -> job.run(request));
        return config.external()
                ? run.call(() -> gauges.refresh().onFailure().recoverWithNull())
                : run;
    }

    private Job job(String name) {
        Job job = name == null ? null : byName().get(name);
        if (job == null) {
            throw ProblemException.notFound("Job '" + name + "'");
        }
        return job;
    }

    private static JobStatus status(Job job, Map<String, JobRunLog.LastRun> runs) {
        JobRunLog.LastRun last = runs.get(job.name());
        return new JobStatus(job.name(), job.schedule().orElse(null), last == null ? null : Times.ts(last.at()),
                last == null ? null : last.outcome().name(), last == null ? null : last.moved(),
                last == null ? null : last.error(), last == null ? null : last.durationMs());
    }
}
