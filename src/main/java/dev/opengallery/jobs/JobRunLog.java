package dev.opengallery.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.opengallery.core.Db;
import dev.opengallery.core.Times;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The last run of every job ({@code job_run}, one row per job name), shared by the replicas: written after each run
 * by {@link JobRunTimer}, read by the operator's job list. The run that ends last is the one shown.
 */
@ApplicationScoped
public class JobRunLog {

    public enum Outcome {
        SUCCESS, FAILURE
    }

    static final int MAX_ERROR_LENGTH = 1000;

    private static final Logger LOG = Logger.getLogger(JobRunLog.class);

    private static final String RECORD = """
            insert into job_run (name, last_run_at, outcome, moved, error, duration_ms) values ($1, $2, $3, $4, $5, $6)
            on conflict (name) do update set last_run_at = excluded.last_run_at, outcome = excluded.outcome,
                moved = excluded.moved, error = excluded.error, duration_ms = excluded.duration_ms""";

    private static final String ALL = "select name, last_run_at, outcome, moved, error, duration_ms from job_run";

    /** The last run of one job. */
    public record LastRun(Instant at, Outcome outcome, Integer moved, String error, long durationMs) {
    }

    @Inject
    Db db;

    /** Records a run; never fails (a failure to record is logged, the run's own outcome stands). */
    public Uni<Void> record(String job, Instant startedAt, Integer moved, Throwable failure, long durationMs) {
        Tuple t = Tuple.tuple().addValue(job).addValue(Times.ts(startedAt))
                .addValue((failure == null ? Outcome.SUCCESS : Outcome.FAILURE).name())
                .addValue(failure == null ? moved : null).addValue(failure == null ? null : describe(failure))
                .addValue(durationMs);
        return db.transaction(tx -> tx.preparedQuery(RECORD).execute(t)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Could not record the run of job %s: %s", job, e.toString()))
                .onFailure().recoverWithNull();
    }

    /** The last run of every job that ran, by name. */
    public Uni<Map<String, LastRun>> all() {
        return db.reads().preparedQuery(ALL).execute(Tuple.tuple()).map(rows -> {
            Map<String, LastRun> runs = new LinkedHashMap<>();
            for (Row r : rows) {
                runs.put(r.getString("name"), new LastRun(r.getOffsetDateTime("last_run_at").toInstant(),
                        Outcome.valueOf(r.getString("outcome")), r.getInteger("moved"), r.getString("error"),
                        r.getLong("duration_ms")));
            }
            return runs;
        });
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
