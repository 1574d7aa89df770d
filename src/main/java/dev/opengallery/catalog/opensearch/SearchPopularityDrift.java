package dev.opengallery.catalog.opensearch;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.opengallery.catalog.CatalogConfig;
import dev.opengallery.catalog.ProductStatus;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Times;
import dev.opengallery.jobs.TimedJob;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Popularity drifts without any change: a document holds the paid orders of the popularity window
 * ({@code opengallery.catalog.popularity-window}, 30 days), and each day the oldest day of sales leaves it. The
 * {@value #JOB} job notes in the search outbox every LISTED product that had sales on a day that left the window
 * since the last such note (one set-based statement). The day is claimed in {@code search_index_state} in the same
 * statement (its row locked), so each day is noted once over all replicas however often the job runs, and days
 * missed while the service was down are noted on the next run.
 */
@ApplicationScoped
public class SearchPopularityDrift {

    public static final String JOB = "search-popularity";

    private static final Logger LOG = Logger.getLogger(SearchPopularityDrift.class);

    /** $1 the day that left the window, $2 now, $3 LISTED. */
    static final String NOTE_DRIFT = """
            with claimed as (
                update search_index_state s set popularity_dropped_day = $1
                from (select popularity_dropped_day as before from search_index_state where id = 1 for update) o
                where s.id = 1 and (o.before is null or o.before < $1)
                returning coalesce(o.before, $1::date - 1) as after)
            insert into search_outbox (id, product_id, created_at, next_attempt_at)
            select gen_random_uuid(), d.product_id, $2, $2
            from (select distinct sd.product_id from product_sales_day sd, claimed c
                  where sd.day > c.after and sd.day <= $1) d
            join product p on p.id = d.product_id
            where p.status = $3""";

    @Inject
    SearchConfig config;

    @Inject
    CatalogConfig catalog;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Scheduled(identity = JOB, every = "${opengallery.search.popularity-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return noteDrift().onFailure().invoke(e -> LOG.warnf("Noting the popularity drift failed, the next run retries: %s",
                e.toString())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Notes the products whose window lost a day of sales since the last run; answers how many were noted. */
    @TimedJob(JOB)
    public Uni<Integer> noteDrift() {
        if (config.engine() != SearchConfig.Engine.OPENSEARCH) {
            return Uni.createFrom().item(0);
        }
        LocalDate left = IndexingRules.dayLeftWindow(clock.today(), catalog.popularityWindow());
        return db.transaction(tx -> tx.preparedQuery(NOTE_DRIFT)
                .execute(Tuple.of(left, Times.ts(clock.now()), ProductStatus.LISTED.name())))
                .map(rows -> rows.rowCount());
    }
}
