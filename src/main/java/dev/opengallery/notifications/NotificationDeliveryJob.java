package dev.opengallery.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.opengallery.core.Db;
import dev.opengallery.core.AppClock;
import dev.opengallery.jobs.TimedJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends the outbox ({@code notification_delivery}): e-mails through the {@link EmailSender}, text messages through
 * the {@link SmsSender}. Due rows are claimed with {@code for update skip locked} inside one transaction that
 * also records the outcome, so several replicas (and an operator's manual run) never send a row twice at the
 * same time. Delivery is at least once: if the service stops between sending and committing, the row is sent
 * again. A failed send is retried after 30 s, 1 min, 2 min, ... (doubling, at most 1 h) and the row is FAILED
 * after {@code opengallery.notifications.max-attempts} attempts.
 */
@ApplicationScoped
public class NotificationDeliveryJob {

    public static final String JOB = "notification-delivery";

    static final int MAX_ERROR_LENGTH = 1000;
    /** The scheduled run drains a backlog by repeating full batches, at most this many per tick. */
    static final int MAX_BATCHES_PER_TICK = 10;

    private static final Logger LOG = Logger.getLogger(NotificationDeliveryJob.class);

    private static final String CLAIM = """
            select d.id, d.channel, d.recipient, d.attempts, n.title, n.body, n.link
            from notification_delivery d join notification n on n.id = d.notification_id
            where d.status = 'PENDING' and d.next_attempt_at <= $1
            order by d.next_attempt_at, d.id
            limit $2
            for update of d skip locked""";

    private static final String RECORD = """
            update notification_delivery
            set status = $2, attempts = $3, next_attempt_at = $4, last_error = $5, sent_at = $6
            where id = $1""";

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    EmailSender mailer;

    @Inject
    SmsSender sms;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "opengallery.notifications.batch-size", defaultValue = "50")
    int batchSize;

    @ConfigProperty(name = "opengallery.notifications.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "opengallery.notifications.send-timeout", defaultValue = "30s")
    Duration sendTimeout;

    /** Prefixed to links that are paths (start with "/") in e-mails and text messages. */
    @ConfigProperty(name = "opengallery.notifications.link-base-url")
    Optional<String> linkBaseUrl;

    record Due(UUID id, Channel channel, String recipient, int attempts, String title, String body, String link) {
    }

    @Scheduled(identity = JOB, every = "${opengallery.notifications.delivery-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return drain(MAX_BATCHES_PER_TICK)
                .onFailure().invoke(e -> LOG.warnf("Notification delivery run failed, next tick retries: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Integer> drain(int batches) {
        return deliverDue(batchSize).chain(moved -> moved >= batchSize && batches > 1
                ? drain(batches - 1).map(more -> moved + more)
                : Uni.createFrom().item(moved));
    }

    /**
     * Sends up to {@code limit} due deliveries once and records each outcome (SENT, a retry later, or FAILED).
     *
     * @return how many deliveries changed state
     */
    @TimedJob(JOB)
    public Uni<Integer> deliverDue(int limit) {
        if (limit < 1) {
            return Uni.createFrom().failure(new IllegalArgumentException("limit must be at least 1"));
        }
        return db.transaction(conn -> conn.preparedQuery(CLAIM)
                .execute(Tuple.of(clock.now().atOffset(ZoneOffset.UTC), limit))
                .chain(rows -> {
                    List<Due> due = new ArrayList<>();
                    for (Row r : rows) {
                        due.add(new Due(r.getUUID("id"), Channel.valueOf(r.getString("channel")), r.getString("recipient"),
                                r.getInteger("attempts"), r.getString("title"), r.getString("body"), r.getString("link")));
                    }
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Uni<String>> sends = due.stream().map(this::attempt).toList();
                    return Uni.join().all(sends).andFailFast().chain(errors -> record(conn, due, errors));
                }));
    }

    /** Sends one delivery; the item is null on success, else the error to record. Never fails. */
    private Uni<String> attempt(Due d) {
        return Uni.createFrom().deferred(() -> switch (d.channel()) {
            case EMAIL -> mailer.send(d.recipient(), d.title(), emailText(d));
            case SMS -> sms.send(d.recipient(), smsText(d));
        })
                .ifNoItem().after(sendTimeout).failWith(() -> new TimeoutException("no answer within " + sendTimeout))
                .replaceWith((String) null)
                .onFailure().recoverWithItem(NotificationDeliveryJob::describe);
    }

    private Uni<Integer> record(Tx conn, List<Due> due, List<String> errors) {
        Instant now = clock.now();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<Tuple> updates = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Due d = due.get(i);
            String error = errors.get(i);
            int attempts = d.attempts() + 1;
            String outcome;
            Tuple t = Tuple.tuple().addValue(d.id());
            if (error == null) {
                outcome = "sent";
                t.addValue("SENT").addValue(attempts).addValue(at).addValue(null).addValue(at);
            } else if (attempts >= maxAttempts) {
                outcome = "failed";
                t.addValue("FAILED").addValue(attempts).addValue(at).addValue(error).addValue(null);
                LOG.warnf("Notification delivery %s (%s) FAILED after %d attempts: %s", d.id(), d.channel(), attempts, error);
            } else {
                outcome = "retry";
                t.addValue("PENDING").addValue(attempts).addValue(now.plus(dev.opengallery.core.Backoff.after(attempts)).atOffset(ZoneOffset.UTC))
                        .addValue(error).addValue(null);
                LOG.infof("Notification delivery %s (%s) attempt %d failed, retrying in %s: %s", d.id(), d.channel(),
                        attempts, dev.opengallery.core.Backoff.after(attempts), error);
            }
            updates.add(t);
            metrics.counter("opengallery.notifications.deliveries", "channel", d.channel().name(), "outcome", outcome)
                    .increment();
        }
        return conn.preparedQuery(RECORD).executeBatch(updates).replaceWith(due.size());
    }

    /** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min, ... at most 1 h. */

    /** The body, then the link unless the body already shows it. */
    String emailText(Due d) {
        String link = linkToAdd(d);
        return link == null ? d.body() : d.body() + "\n\n" + link;
    }

    /** "Title: body", then the link unless the body already shows it. */
    String smsText(Due d) {
        String link = linkToAdd(d);
        return d.title() + ": " + d.body() + (link == null ? "" : " " + link);
    }

    private String linkToAdd(Due d) {
        String link = absolute(d.link());
        return link == null || d.body().contains(link) ? null : link;
    }

    private String absolute(String link) {
        if (link == null || !link.startsWith("/") || linkBaseUrl.isEmpty()) {
            return link;
        }
        String base = linkBaseUrl.get();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + link;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
