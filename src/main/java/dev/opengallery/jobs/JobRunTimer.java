package dev.opengallery.jobs;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.opengallery.core.AppClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * Times every run of a {@link TimedJob}: a Timer {@code opengallery.job.runs} per job name and outcome
 * ({@code success}, or {@code failure} when the run's Uni failed, i.e. its transaction rolled back). A job returning
 * a {@link Uni} is timed from subscription to its item or failure, so the time is the run's, not the call's; then the
 * run is recorded as the job's last run ({@link JobRunLog}: start time, outcome, rows moved), before the caller
 * sees its answer.
 * <p>
 * The tag is {@code job_name}, not {@code job}: Prometheus gives every scraped series a {@code job} label of its own
 * (the scrape job), which would rename ours to {@code exported_job}.
 */
@TimedJob("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class JobRunTimer {

    static final String METER = "opengallery.job.runs";

    @Inject
    MeterRegistry registry;

    @Inject
    JobRunLog log;

    @Inject
    AppClock clock;

    @AroundInvoke
    Object time(InvocationContext ctx) throws Exception {
        String job = ctx.getInterceptorBinding(TimedJob.class).value();
        Object result;
        long start = System.nanoTime();
        try {
            result = ctx.proceed();
        } catch (Exception | Error e) {
            record(job, false, start);
            throw e;
        }
        if (result instanceof Uni<?> uni) {
            return Uni.createFrom().deferred(() -> {
                long subscribed = System.nanoTime();
                Instant startedAt = clock.now();
                return uni.onItemOrFailure().call((item, failure) -> {
                    long took = record(job, failure == null, subscribed);
                    return log.record(job, startedAt, moved(item), failure, TimeUnit.NANOSECONDS.toMillis(took));
                });
            });
        }
        record(job, true, start);
        return result;
    }

    private long record(String job, boolean success, long startNanos) {
        long took = System.nanoTime() - startNanos;
        timer(registry, job, success ? "success" : "failure").record(took, TimeUnit.NANOSECONDS);
        return took;
    }

    private static Integer moved(Object item) {
        if (item instanceof Moved m) {
            return m.moved();
        }
        return item instanceof Number n ? n.intValue() : null;
    }

    static Timer timer(MeterRegistry registry, String job, String outcome) {
        return Timer.builder(METER).description("Runs of a scheduled job (on its schedule or an operator's demand), "
                + "by job and outcome").tag("job_name", job).tag("outcome", outcome).register(registry);
    }
}
