package dev.opengallery.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import org.jboss.logging.Logger;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Backoff;
import dev.opengallery.core.Db;
import dev.opengallery.core.Times;
import dev.opengallery.core.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The drain loop every outbox shares (notification deliveries, compute events, search index changes). One run claims up to {@code limit}
 * due rows with {@code for update skip locked} in one transaction (so replicas, and an operator's run, never send a
 * row at the same time), sends them all at once (one request per row, or the whole batch in one request: {@link
 * Table#sendAll}), and records each outcome in that transaction with one batched
 * update: SENT, PENDING again after {@link Backoff#after} (30 s, 1 min, 2 min, ... at most 1 h), or FAILED after
 * the table's maximum of attempts. Delivery is at least once: if the service stops between sending and committing,
 * the row is sent again.
 * <p>
 * The package that owns the table gives its SQL and its send step ({@link Table}); the statements take the statuses
 * as parameters from {@link Status}.
 */
public final class Outbox<T extends Outbox.Message> {

    static final int MAX_ERROR_LENGTH = 1000;

    /** The statuses of an outbox row. */
    public enum Status {
        PENDING, SENT, FAILED
    }

    /** What a claimed row must tell the loop. */
    public interface Message {
        UUID id();

        /** Attempts made before this one. */
        int attempts();
    }

    /** The outcome of one attempt, as recorded. */
    public record Outcome(Status status, int attempts, OffsetDateTime nextAttemptAt, String error, OffsetDateTime sentAt,
            Duration retryIn) {

        public boolean sent() {
            return status == Status.SENT;
        }

        public boolean failed() {
            return status == Status.FAILED;
        }
    }

    /** One outbox table, given by the package that owns it. */
    public interface Table<T> {

        /**
         * The claim: due rows, oldest first, {@code for update ... skip locked}. Parameters: $1 now, $2 the limit,
         * $3 the PENDING status.
         */
        String claimSql();

        /** One claimed row. */
        T read(Row row);

        /**
         * Records an attempt (run batched, one tuple per row): $1 id, $2 status, $3 attempts, $4 next attempt at,
         * $5 last error (null when sent), $6 sent at (null unless sent).
         */
        String markSql();

        /** Sends one message; fails when the receiver did not take it. */
        Uni<Void> send(T message);

        /**
         * Sends a whole claimed batch, inside the claim's transaction {@code tx}; the item holds, for each message
         * in order, null when it was taken or the error to record. Default: each message's {@link #send} at once,
         * each bounded by {@code timeout}. A table whose receiver takes a batch in one request (the search index's
         * {@code _bulk}) overrides it. A failed Uni rolls the claim back: no attempt is recorded (for when the
         * receiver could not be asked at all).
         */
        default Uni<List<String>> sendAll(Tx tx, List<T> messages, Duration timeout) {
            return Uni.join().all(messages.stream().map(m -> attempt(this, m, timeout)).toList()).andFailFast();
        }

        /** Called for each recorded attempt (logs, counters). */
        default void recorded(T message, Outcome outcome) {
        }
    }

    /** A send refused with this message is recorded as the message alone (e.g. "HTTP 503"). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Db db;
    private final AppClock clock;
    private final Table<T> table;
    private final int maxAttempts;
    private final Duration sendTimeout;

    /**
     * @param maxAttempts the attempts after which a row is FAILED; 0: never give up
     * @param sendTimeout how long one send may take before it counts as failed
     */
    public Outbox(Db db, AppClock clock, Table<T> table, int maxAttempts, Duration sendTimeout) {
        this.db = db;
        this.clock = clock;
        this.table = table;
        this.maxAttempts = maxAttempts;
        this.sendTimeout = sendTimeout;
    }

    /** Sends up to {@code limit} due rows once and records each outcome; answers how many rows changed state. */
    public Uni<Integer> deliverDue(int limit) {
        if (limit < 1) {
            return Uni.createFrom().failure(new IllegalArgumentException("limit must be at least 1"));
        }
        return db.transaction(tx -> tx.preparedQuery(table.claimSql())
                .execute(Tuple.of(Times.ts(clock.now()), limit, Status.PENDING.name())).chain(rows -> {
                    List<T> due = new ArrayList<>();
                    for (Row r : rows) {
                        due.add(table.read(r));
                    }
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return table.sendAll(tx, due, sendTimeout)
                            .chain(errors -> {
                                List<Tuple> marks = record(due, errors);
                                return tx.preparedQuery(table.markSql()).executeBatch(marks).replaceWith(due.size());
                            });
                }));
    }

    /**
     * The scheduled run: repeats full batches of {@code deliverDue} (the owner's timed run) to drain a backlog, at
     * most {@code maxBatches} of them; answers how many rows changed state.
     */
    public static Uni<Integer> drain(IntFunction<Uni<Integer>> deliverDue, int batchSize, int maxBatches) {
        return deliverDue.apply(batchSize).chain(moved -> moved >= batchSize && maxBatches > 1
                ? drain(deliverDue, batchSize, maxBatches - 1).map(more -> moved + more)
                : Uni.createFrom().item(moved));
    }

    /**
     * A scheduled tick: {@link #drain} that never fails; a failed run is logged as a warning naming {@code what}
     * (e.g. "Compute event delivery") and the next tick retries.
     */
    public static Uni<Void> tick(IntFunction<Uni<Integer>> deliverDue, int batchSize, int maxBatches, Logger log,
            String what) {
        return drain(deliverDue, batchSize, maxBatches)
                .onFailure().invoke(e -> log.warnf("%s failed, the next tick retries: %s", what, e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Sends one row; the item is null on success, else the error to record. Never fails. */
    static <T> Uni<String> attempt(Table<T> table, T message, Duration sendTimeout) {
        return Uni.createFrom().deferred(() -> table.send(message))
                .ifNoItem().after(sendTimeout).failWith(() -> new TimeoutException("no answer within " + sendTimeout))
                .replaceWith((String) null)
                .onFailure().recoverWithItem(Outbox::describe);
    }

    private List<Tuple> record(List<T> due, List<String> errors) {
        Instant now = clock.now();
        OffsetDateTime at = Times.ts(now);
        List<Tuple> marks = new ArrayList<>(due.size());
        for (int i = 0; i < due.size(); i++) {
            T message = due.get(i);
            String error = errors.get(i);
            int attempts = message.attempts() + 1;
            Outcome outcome;
            if (error == null) {
                outcome = new Outcome(Status.SENT, attempts, at, null, at, null);
            } else if (maxAttempts > 0 && attempts >= maxAttempts) {
                outcome = new Outcome(Status.FAILED, attempts, at, error, null, null);
            } else {
                Duration wait = Backoff.after(attempts);
                outcome = new Outcome(Status.PENDING, attempts, Times.ts(now.plus(wait)), error, null, wait);
            }
            marks.add(Tuple.tuple().addValue(message.id()).addValue(outcome.status().name())
                    .addValue(outcome.attempts()).addValue(outcome.nextAttemptAt()).addValue(outcome.error())
                    .addValue(outcome.sentAt()));
            table.recorded(message, outcome);
        }
        return marks;
    }

    /** "ExceptionClass: message" (the message alone for {@link Refused}), at most 1000 characters. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e instanceof Refused ? message
                : e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
