package dev.opengallery.notifications;

import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Times;
import dev.opengallery.jobs.JobDoc;
import dev.opengallery.jobs.JobRequest;
import dev.opengallery.jobs.JobRun;
import dev.opengallery.jobs.NamedJob;
import dev.opengallery.jobs.Outbox;
import dev.opengallery.jobs.TimedJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Sends the outbox ({@code notification_delivery}) through the shared {@link Outbox} loop: e-mails through the
 * {@link EmailSender}, text messages through the {@link SmsSender}. Due rows are claimed with
 * {@code for update skip locked} inside one transaction that also records the outcome, so several replicas (and an
 * operator's manual run) never send a row twice at the same time. Delivery is at least once: if the service stops
 * between sending and committing, the row is sent again. A failed send is retried after 30 s, 1 min, 2 min, ...
 * (doubling, at most 1 h) and the row is FAILED after {@code opengallery.notifications.max-attempts} attempts.
 */
@ApplicationScoped
public class NotificationDeliveryJob implements Outbox.Table<NotificationDeliveryJob.Due> {

    public static final String JOB = "notification-delivery";

    /** The scheduled run drains a backlog by repeating full batches, at most this many per tick. */
    static final int MAX_BATCHES_PER_TICK = 10;

    private static final Logger LOG = Logger.getLogger(NotificationDeliveryJob.class);

    /** $1 now, $2 limit, $3 PENDING. */
    private static final String CLAIM = """
            select d.id, d.channel, d.recipient, d.attempts, n.title, n.body, n.link
            from notification_delivery d join notification n on n.id = d.notification_id
            where d.status = $3 and d.next_attempt_at <= $1
            order by d.next_attempt_at, d.id
            limit $2
            for update of d skip locked""";

    private static final String MARK = """
            update notification_delivery
            set status = $2, attempts = $3, next_attempt_at = $4, last_error = $5, sent_at = $6
            where id = $1""";

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

    @Inject
    NotificationsConfig config;

    private Outbox<Due> outbox;

    @PostConstruct
    void init() {
        outbox = new Outbox<>(db, clock, this, config.maxAttempts(), config.sendTimeout());
    }

    public record Due(UUID id, Channel channel, String recipient, int attempts, String title, String body, String link)
            implements Outbox.Message {
    }

    @Scheduled(identity = JOB, every = "${opengallery.notifications.delivery-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return Outbox.tick(this::deliverDue, config.batchSize(), MAX_BATCHES_PER_TICK, LOG, "Notification delivery");
    }

    /**
     * Sends up to {@code limit} due deliveries once and records each outcome (SENT, a retry later, or FAILED).
     *
     * @return how many deliveries changed state
     */
    @TimedJob(JOB)
    public Uni<Integer> deliverDue(int limit) {
        return outbox.deliverDue(limit);
    }

    /**
     * Sends due deliveries now, off the caller's thread and transaction (after a commit, when the jobs are triggered
     * from outside and no timer drains the outbox). A failure is logged; the rows stay due for the next run.
     */
    void sendSoon() {
        db.detached(() -> deliverDue(config.batchSize()),
                e -> LOG.warnf("Sending notifications after commit failed, the next run retries: %s", e.toString()));
    }

    /** The batch an operator's run sends by default. */
    public int batchSize() {
        return config.batchSize();
    }

    /** The job an operator runs by name ({@code jobs.JobsResource}). */
    @ApplicationScoped
    @JobDoc(name = JOB, operationId = "runNotificationDeliveryJob", summary = "Send due notifications now",
            description = "Sends up to `limit` due e-mails and text messages (default: the configured batch size) and "
                    + "answers how many deliveries changed state (sent, rescheduled after a failure, or failed for "
                    + "good). Safe to call while the scheduled job runs.",
            params = @JobDoc.Param(name = "limit", type = "integer", example = "50",
                    description = "How many due deliveries to send at most (1 to 1000; default: the batch size)"))
    public static class Run extends NamedJob {

        Run() {
            super(JOB, "opengallery.notifications.delivery-every", "10s");
        }

        static final int MAX_LIMIT = 1000;

        @Inject
        NotificationDeliveryJob job;

        @Inject
        AppClock clock;

        @Override
        public Uni<JobRun> run(JobRequest request) {
            int limit = request.integer("limit", 1, MAX_LIMIT, job.batchSize());
            var ranAt = Times.ts(clock.now());
            return job.deliverDue(limit).map(moved -> new JobRun(JOB, moved, ranAt));
        }
    }

    @Override
    public String claimSql() {
        return CLAIM;
    }

    @Override
    public Due read(Row r) {
        return new Due(r.getUUID("id"), Channel.valueOf(r.getString("channel")), r.getString("recipient"),
                r.getInteger("attempts"), r.getString("title"), r.getString("body"), r.getString("link"));
    }

    @Override
    public String markSql() {
        return MARK;
    }

    @Override
    public Uni<Void> send(Due d) {
        return switch (d.channel()) {
            case EMAIL -> mailer.send(d.recipient(), d.title(), emailText(d));
            case SMS -> sms.send(d.recipient(), smsText(d));
        };
    }

    @Override
    public void recorded(Due d, Outbox.Outcome outcome) {
        String counted = switch (outcome.status()) {
            case SENT -> "sent";
            case FAILED -> "failed";
            case PENDING -> "retry";
        };
        if (outcome.failed()) {
            LOG.warnf("Notification delivery %s (%s) FAILED after %d attempts: %s", d.id(), d.channel(),
                    outcome.attempts(), outcome.error());
        } else if (!outcome.sent()) {
            LOG.infof("Notification delivery %s (%s) attempt %d failed, retrying in %s: %s", d.id(), d.channel(),
                    outcome.attempts(), outcome.retryIn(), outcome.error());
        }
        metrics.counter("opengallery.notifications.deliveries", "channel", d.channel().name(), "outcome", counted)
                .increment();
    }

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
        if (link == null || !link.startsWith("/") || config.linkBaseUrl().isEmpty()) {
            return link;
        }
        String base = config.linkBaseUrl().get();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + link;
    }
}
