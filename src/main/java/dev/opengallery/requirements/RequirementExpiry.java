package dev.opengallery.requirements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Times;
import dev.opengallery.jobs.JobDoc;
import dev.opengallery.jobs.JobRequest;
import dev.opengallery.jobs.JobRun;
import dev.opengallery.jobs.NamedJob;
import dev.opengallery.jobs.TimedJob;
import dev.opengallery.notifications.Notifications;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Closes the requirements still open (SUBMITTED or PUBLISHED) {@code opengallery.requirements.open-days} (60) days
 * after they were posted, with reason EXPIRED, and tells their buyers: one set-based UPDATE … RETURNING and one
 * statement of notifications, in one transaction. Rows another run holds are skipped (SKIP LOCKED) and a closed row
 * no longer matches, so replicas and repeated runs close each requirement once.
 */
@ApplicationScoped
@JobDoc(name = RequirementExpiry.JOB, operationId = "runRequirementExpiryJob", summary = "Close expired requirements now",
        description = "Application requirements still open 60 days (opengallery.requirements.open-days) after they "
                + "were posted are CLOSED with reason EXPIRED and their buyers are told. Idempotent.")
public class RequirementExpiry extends NamedJob {

    public static final String JOB = "requirements-expiry";

    static final String EXPIRE = """
            update requirement q set state = $1, closed_reason = $2, closed_at = $3, version = q.version + 1
            where q.id in (select id from requirement where state = any($4) and created_at <= $5
                           for update skip locked)
            returning q.id, q.account_id, q.description""";

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    Notifications notifications;

    @Inject
    RequirementsConfig config;

    RequirementExpiry() {
        super(JOB, "opengallery.requirements.expiry-job-every", "1h");
    }

    @Override
    public Uni<JobRun> run(JobRequest request) {
        return run();
    }

    @TimedJob(JOB)
    public Uni<JobRun> run() {
        Instant now = clock.now();
        String[] open = RequirementRules.OPEN.stream().map(Enum::name).toArray(String[]::new);
        Instant postedBefore = now.minus(java.time.Duration.ofDays(config.openDays()));
        return db.transaction(tx -> tx.preparedQuery(EXPIRE).execute(Tuple.tuple()
                .addValue(RequirementState.CLOSED.name()).addValue(ClosedReason.EXPIRED.name())
                .addValue(Times.ts(now)).addValue(open).addValue(Times.ts(postedBefore)))
                .chain(rows -> {
                    List<Notifications.Notice> notices = new ArrayList<>();
                    rows.forEach(r -> {
                        UUID id = r.getUUID("id");
                        notices.add(new Notifications.Notice(r.getUUID("account_id"), "REQUIREMENT_EXPIRED",
                                "Your application requirement is closed",
                                "Your requirement \"" + r.getString("description") + "\" was open for "
                                        + config.openDays() + " days and is now closed. Offers you received stay "
                                        + "usable until they expire; post a new requirement if you still need one.",
                                Requirements.buyerLink(id)));
                    });
                    return notifications.notifyAll(tx, notices, Requirements.EMAIL).replaceWith(notices.size());
                }))
                .map(n -> new JobRun(JOB, n, Times.ts(now)));
    }

    @Scheduled(identity = JOB, every = "${opengallery.requirements.expiry-job-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }
}
