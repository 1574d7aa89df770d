package dev.opengallery.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Gauges whose values come from the database (outbox backlogs, arrears). A scrape of {@code /q/metrics} never runs a
 * query: each gauge reads a value cached here, which every {@link Source} refreshes with one reactive (non-blocking)
 * query every {@code opengallery.metrics.refresh-every} (15 s). Before the first refresh a gauge reads NaN; when a
 * refresh fails (the database is down) the values of the last successful one stay. The values are the whole
 * database's, so every replica reports the same: aggregate them with {@code max}, not {@code sum}. When the jobs
 * are triggered from outside the scheduler does not run: the values are read once at start and after every job run
 * ({@code jobs.JobRuns}).
 */
@ApplicationScoped
public class DatabaseGauges {

    private static final Logger LOG = Logger.getLogger(DatabaseGauges.class);

    /** A feature's gauges: {@link #refresh()} reads their values and {@link DatabaseGauges#set}s them. */
    public interface Source {
        Uni<Void> refresh();
    }

    @Inject
    @Any
    Instance<Source> sources;

    @Inject
    MeterRegistry registry;

    @Inject
    Config config;

    private final Map<String, Map<Tags, Double>> values = new ConcurrentHashMap<>();

    /** Registers a gauge (if not yet registered) that reads the cached value of {@code name} with {@code tags}. */
    public void register(String name, String description, Tags tags) {
        Map<Tags, Double> byTags = values.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        Gauge.builder(name, byTags, m -> m.getOrDefault(tags, Double.NaN)).description(description).tags(tags)
                .strongReference(true).register(registry);
    }

    /** Sets the cached value of a gauge, registering it first if needed. */
    public void set(String name, String description, Tags tags, double value) {
        register(name, description, tags);
        values.get(name).put(tags, value);
    }

    @Scheduled(identity = "metrics-refresh", every = "${opengallery.metrics.refresh-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return refresh().onFailure().invoke(e -> LOG.debugf("Refreshing the database gauges failed: %s", e))
                .onFailure().recoverWithNull();
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.getOptionalValue("quarkus.scheduler.enabled", Boolean.class).orElse(true)) {
            scheduled().subscribe().with(ok -> { }, e -> { });
        }
    }

    /** Reads every source's values now (tests call this; the schedule calls it every refresh-every). */
    public Uni<Void> refresh() {
        List<Uni<Void>> all = sources.stream().map(Source::refresh).toList();
        return all.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(all).andCollectFailures().replaceWithVoid();
    }
}
