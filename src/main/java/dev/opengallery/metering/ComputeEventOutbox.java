package dev.opengallery.metering;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Tx;
import dev.opengallery.jobs.JobsConfig;
import dev.opengallery.jobs.Outbox;
import dev.opengallery.ordering.ComputeConfig;
import dev.opengallery.jobs.TimedJob;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Delivers SUSPEND, RESUME and RELEASE events ({@code metering_outbox}) to the compute service: {@code POST
 * opengallery.compute.events-url} with a JSON body carrying the event's id (the compute service ignores an id it has
 * seen). At least once, through the shared {@link Outbox} loop: a row is SENT only after a 2xx answer, in the
 * transaction that claimed it ({@code for update skip locked}, so replicas never send one row at the same time); a
 * failure is retried after 30 s, 1 min, 2 min, … (doubling, at most 1 h), without giving up. Events of one ECS are
 * delivered in the order they were queued: a row waits while an earlier one of the same ECS is pending.
 */
@ApplicationScoped
public class ComputeEventOutbox implements Outbox.Table<ComputeEventOutbox.Due> {

    public static final String JOB = "metering-outbox";

    static final int MAX_BATCHES_PER_TICK = 10;

    private static final Logger LOG = Logger.getLogger(ComputeEventOutbox.class);

    /** $1 now, $2 limit, $3 PENDING. */
    private static final String CLAIM = """
            select o.id, o.ecs_id, o.account_id, o.type, o.reason, o.created_at, o.attempts
            from metering_outbox o
            where o.status = $3 and o.next_attempt_at <= $1
              and not exists (select 1 from metering_outbox e
                              where e.ecs_id = o.ecs_id and e.status = $3 and e.seq < o.seq)
            order by o.seq
            limit $2
            for update of o skip locked""";

    private static final String MARK = """
            update metering_outbox set status = $2, attempts = $3, next_attempt_at = $4, last_error = $5, sent_at = $6
            where id = $1""";

    @Inject
    JobsConfig jobs;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    Vertx vertx;

    @Inject
    MeteringConfig config;

    @Inject
    ComputeConfig compute;

    private WebClient client;

    private Outbox<Due> outbox;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx);
        // never gives up; the HTTP timeout bounds a send, the outbox's own bound is only a backstop
        outbox = new Outbox<>(db, clock, this, 0, compute.timeout().plusSeconds(5));
    }

    public record Due(UUID id, String ecsId, UUID accountId, String type, String reason, OffsetDateTime createdAt,
            int attempts) implements Outbox.Message {
    }

    @Scheduled(identity = JOB, every = "${opengallery.metering.outbox-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return Outbox.tick(this::deliverDue, config.outboxBatchSize(), MAX_BATCHES_PER_TICK, LOG, "Compute event delivery");
    }

    /** Sends up to {@code limit} due events once; answers how many changed state (sent or rescheduled). */
    @TimedJob(JOB)
    public Uni<Integer> deliverDue(int limit) {
        if (!configured()) {
            return Uni.createFrom().item(0);
        }
        return outbox.deliverDue(limit);
    }

    /**
     * After {@code tx} commits, sends what it queued, when the jobs are triggered from outside: no timer drains the
     * outbox then, and the service may be scaled to zero until the outbox's next trigger (which then only retries).
     */
    void sendAfterCommit(Tx tx) {
        if (jobs.external()) {
            tx.afterCommit(() -> db.detached(() -> deliverDue(config.outboxBatchSize()), e -> LOG.warnf(
                    "Sending compute events after commit failed, the next run retries: %s", e.toString())));
        }
    }

    /** The batch an operator's run sends by default. */
    public int batchSize() {
        return config.outboxBatchSize();
    }

    private boolean configured() {
        if (compute.eventsUrl().isEmpty() || compute.eventsUrl().get().isBlank()) {
            LOG.debug("opengallery.compute.events-url is not set: SUSPEND/RESUME/RELEASE events stay in the outbox");
            return false;
        }
        return true;
    }

    @Override
    public String claimSql() {
        return CLAIM;
    }

    @Override
    public Due read(Row r) {
        return new Due(r.getUUID("id"), r.getString("ecs_id"), r.getUUID("account_id"), r.getString("type"),
                r.getString("reason"), r.getOffsetDateTime("created_at"), r.getInteger("attempts"));
    }

    @Override
    public String markSql() {
        return MARK;
    }

    @Override
    public Uni<Void> send(Due d) {
        JsonObject body = new JsonObject().put("id", d.id().toString()).put("type", d.type()).put("ecsId", d.ecsId())
                .put("accountId", d.accountId().toString()).put("reason", d.reason())
                .put("createdAt", d.createdAt().toString());
        Duration timeout = compute.timeout();
        return client.postAbs(compute.eventsUrl().get()).timeout(timeout.toMillis())
                .putHeader("Idempotency-Key", d.id().toString()).sendJsonObject(body)
                .invoke(resp -> {
                    if (resp.statusCode() / 100 != 2) {
                        throw new Outbox.Refused("HTTP " + resp.statusCode());
                    }
                }).replaceWithVoid();
    }

    @Override
    public void recorded(Due d, Outbox.Outcome outcome) {
        if (!outcome.sent()) {
            LOG.infof("%s for ECS %s (event %s), attempt %d failed, retrying in %s: %s", d.type(), d.ecsId(), d.id(),
                    outcome.attempts(), outcome.retryIn(), outcome.error());
        }
    }
}
