package dev.opengallery.catalog.opensearch;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.DatabaseGauges;
import dev.opengallery.core.Times;
import dev.opengallery.jobs.Outbox;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The search outbox's gauges (with {@code engine=opensearch}): {@code opengallery_search_outbox_lag_seconds}, the age
 * of the oldest undelivered change (0 when none), and {@code opengallery_search_outbox_pending}, the changes not
 * delivered yet. Read from the database like every backlog ({@link DatabaseGauges}), so every replica reports the
 * same value.
 */
@Startup
@ApplicationScoped
public class SearchMetrics implements DatabaseGauges.Source {

    static final String LAG = "opengallery.search.outbox.lag.seconds";
    static final String LAG_DESCRIPTION = "Age of the oldest search index change not delivered yet (0 when none)";
    static final String PENDING = "opengallery.search.outbox.pending";
    static final String PENDING_DESCRIPTION = "Search index changes not delivered yet (due now or waiting for a retry)";

    /** $1 now, $2 PENDING. */
    private static final String BACKLOG = """
            select count(*) as pending,
                   coalesce(extract(epoch from ($1 - min(created_at))), 0)::float8 as lag
            from search_outbox where status = $2""";

    /** The outbox's backlog now. */
    public record Backlog(long pending, double lagSeconds) {
    }

    @Inject
    SearchConfig config;

    @Inject
    DatabaseGauges gauges;

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    @PostConstruct
    void register() {
        if (enabled()) {
            gauges.register(LAG, LAG_DESCRIPTION, Tags.empty());
            gauges.register(PENDING, PENDING_DESCRIPTION, Tags.empty());
        }
    }

    private boolean enabled() {
        return config.engine() == SearchConfig.Engine.OPENSEARCH;
    }

    @Override
    public Uni<Void> refresh() {
        if (!enabled()) {
            return Uni.createFrom().voidItem();
        }
        return backlog().invoke(b -> {
            gauges.set(LAG, LAG_DESCRIPTION, Tags.empty(), b.lagSeconds());
            gauges.set(PENDING, PENDING_DESCRIPTION, Tags.empty(), b.pending());
        }).replaceWithVoid();
    }

    /** One query on the PENDING rows (their partial index). */
    public Uni<Backlog> backlog() {
        return pool.preparedQuery(BACKLOG).execute(Tuple.of(Times.ts(clock.now()), Outbox.Status.PENDING.name()))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Backlog(r.getLong("pending"), Math.max(0, r.getDouble("lag")));
                });
    }
}
