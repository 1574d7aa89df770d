package dev.opengallery.jobs;

import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.mutiny.Uni;

/**
 * A job an operator can run by name ({@code POST /api/operator/jobs/{name}/run}, see {@link JobsResource}): a CDI
 * bean in the package that owns the job's work. Its run calls the job's {@link TimedJob} method, the one its
 * schedule calls too, so every run, scheduled or on demand, is timed and recorded as the job's last run. Its
 * operator documentation (summary, parameters, answer) is its {@link JobDoc}.
 */
public interface Job {

    /** The name in the job's path, e.g. {@code unpaid-orders}. */
    String name();

    /** The schedule, e.g. {@code every 5m}; empty when the job runs only on demand or its schedule is off. */
    Optional<String> schedule();

    /** Runs the job once, now, with the operator's query parameters. */
    Uni<JobRun> run(JobRequest request);

    /**
     * The schedule of a job whose {@code @Scheduled(every = "${property:fallback}")} reads this property: "every
     * <value>", or empty when it is {@code off}.
     */
    static Optional<String> every(String property, String fallback) {
        String value = ConfigProvider.getConfig().getOptionalValue(property, String.class).orElse(fallback).trim();
        return value.isEmpty() || value.equalsIgnoreCase("off") || value.equalsIgnoreCase("disabled")
                ? Optional.empty()
                : Optional.of("every " + value);
    }
}
