package dev.opengallery.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.opengallery.core.Db;
import dev.opengallery.core.AppClock;
import dev.opengallery.jobs.TimedJob;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivers SUSPEND, RESUME and RELEASE events ({@code metering_outbox}) to the compute service: {@code POST
 * opengallery.compute.events-url} with a JSON body carrying the event's id (the compute service ignores an id it has
 * seen). At least once: a row is SENT only after a 2xx answer, in the transaction that claimed it
 * ({@code for update skip locked}, so replicas never send one row at the same time); a failure is retried after
 * 30 s, 1 min, 2 min, … (doubling, at most 1 h), without giving up. Events of one ECS are delivered in the order
 * they were queued: a row waits while an earlier one of the same ECS is pending.
 */
@ApplicationScoped
public class ComputeEventOutbox {

    public static final String JOB = "metering-outbox";

    static final int MAX_BATCHES_PER_TICK = 10;

    private static final Logger LOG = Logger.getLogger(ComputeEventOutbox.class);

    private static final String CLAIM = """
            select o.id, o.ecs_id, o.account_id, o.type, o.reason, o.created_at, o.attempts
            from metering_outbox o
            where o.status = 'PENDING' and o.next_attempt_at <= $1
              and not exists (select 1 from metering_outbox e
                              where e.ecs_id = o.ecs_id and e.status = 'PENDING' and e.seq < o.seq)
            order by o.seq
            limit $2
            for update of o skip locked""";

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "opengallery.compute.events-url")
    Optional<String> url;

    @ConfigProperty(name = "opengallery.compute.timeout", defaultValue = "10s")
    Duration timeout;

    @ConfigProperty(name = "opengallery.metering.outbox-batch-size", defaultValue = "50")
    int batchSize;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx);
    }

    record Due(UUID id, String ecsId, UUID accountId, String type, String reason, OffsetDateTime createdAt, int attempts) {
    }

    @Scheduled(identity = JOB, every = "${opengallery.metering.outbox-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return drain(MAX_BATCHES_PER_TICK)
                .onFailure().invoke(e -> LOG.warnf("Compute event delivery failed, the next tick retries: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Integer> drain(int batches) {
        return deliverDue(batchSize).chain(moved -> moved >= batchSize && batches > 1
                ? drain(batches - 1).map(more -> moved + more)
                : Uni.createFrom().item(moved));
    }

    /** Sends up to {@code limit} due events once; answers how many changed state (sent or rescheduled). */
    @TimedJob(JOB)
    public Uni<Integer> deliverDue(int limit) {
        if (url.isEmpty() || url.get().isBlank()) {
            LOG.debug("opengallery.compute.events-url is not set: SUSPEND/RESUME/RELEASE events stay in the outbox");
            return Uni.createFrom().item(0);
        }
        return db.transaction(conn -> conn.preparedQuery(CLAIM)
                .execute(Tuple.of(clock.now().atOffset(ZoneOffset.UTC), limit)).chain(rows -> {
                    List<Due> due = new ArrayList<>();
                    for (Row r : rows) {
                        due.add(new Due(r.getUUID("id"), r.getString("ecs_id"), r.getUUID("account_id"),
                                r.getString("type"), r.getString("reason"), r.getOffsetDateTime("created_at"),
                                r.getInteger("attempts")));
                    }
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(due.stream().map(this::send).toList()).andFailFast()
                            .chain(errors -> record(conn, due, errors));
                }));
    }

    /** null when the compute service took it, else the error. Never fails. */
    private Uni<String> send(Due d) {
        JsonObject body = new JsonObject().put("id", d.id().toString()).put("type", d.type()).put("ecsId", d.ecsId())
                .put("accountId", d.accountId().toString()).put("reason", d.reason())
                .put("createdAt", d.createdAt().toString());
        return Uni.createFrom().deferred(() -> client.postAbs(url.get()).timeout(timeout.toMillis())
                .putHeader("Idempotency-Key", d.id().toString()).sendJsonObject(body))
                .map(resp -> resp.statusCode() / 100 == 2 ? (String) null : "HTTP " + resp.statusCode())
                .onFailure().recoverWithItem(e -> {
                    String m = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                    return m.length() > 1000 ? m.substring(0, 1000) : m;
                });
    }

    private Uni<Integer> record(Tx conn, List<Due> due, List<String> errors) {
        Instant now = clock.now();
        List<Tuple> updates = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Due d = due.get(i);
            String error = errors.get(i);
            int attempts = d.attempts() + 1;
            if (error == null) {
                updates.add(Tuple.tuple().addValue(d.id()).addValue("SENT").addValue(attempts)
                        .addValue(now.atOffset(ZoneOffset.UTC)).addValue(null).addValue(now.atOffset(ZoneOffset.UTC)));
            } else {
                Duration wait = dev.opengallery.core.Backoff.after(attempts);
                LOG.infof("%s for ECS %s (event %s), attempt %d failed, retrying in %s: %s", d.type(), d.ecsId(), d.id(),
                        attempts, wait, error);
                updates.add(Tuple.tuple().addValue(d.id()).addValue("PENDING").addValue(attempts)
                        .addValue(now.plus(wait).atOffset(ZoneOffset.UTC)).addValue(error).addValue(null));
            }
        }
        return conn.preparedQuery("""
                update metering_outbox set status = $2, attempts = $3, next_attempt_at = $4, last_error = $5, sent_at = $6
                where id = $1""").executeBatch(updates).replaceWith(due.size());
    }

    /** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min, ... at most 1 h. */
}
