package dev.opengallery.tickets;

import static dev.opengallery.core.Times.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Tx;
import dev.opengallery.jobs.JobDoc;
import dev.opengallery.jobs.JobRequest;
import dev.opengallery.jobs.JobRun;
import dev.opengallery.jobs.NamedJob;
import dev.opengallery.jobs.TimedJob;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The tickets' service levels, on a schedule and on an operator's demand: tickets awaiting an operator's answer for
 * 24 hours or more are flagged overdue (their assigned operator is notified), and tickets resolved 7 days ago or more
 * are closed (their buyer is notified). Each is one statement per batch that claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}, repeats every condition in its UPDATE and writes the ticket's record in the same
 * statement: another replica, a ticket being moved, or a second run leave nothing done twice.
 */
@ApplicationScoped
@JobDoc(name = TicketJobs.JOB, operationId = "runTicketServiceLevelsJob", summary = "Run the ticket service-level job now",
        description = "Tickets awaiting an operator's answer for 24 hours or more (opengallery.tickets.answer-within) "
                + "become overdue (first in the operators' queue; the assigned operator is notified); tickets resolved "
                + "7 days ago or more (opengallery.tickets.reopen-days) are CLOSED and their buyers notified. "
                + "Idempotent; safe while the scheduler or another replica runs it.",
        answer = TicketJobs.Answer.class)
public class TicketJobs extends NamedJob {

    public static final String JOB = "ticket-service-levels";

    /** The job's answer, as the OpenAPI document shows it. */
    @Schema(name = "TicketServiceLevelRun")
    public record Answer(
            @Schema(example = "ticket-service-levels") String job,
            @Schema(description = "Tickets flagged overdue plus tickets closed", example = "3") int moved,
            OffsetDateTime ranAt,
            @Schema(description = "Tickets flagged overdue", example = "2") int overdue,
            @Schema(description = "Resolved tickets closed after the reopen period", example = "1") int closed) {
    }

    /** $1 cutoff (now - answer-within), $2 batch, $3 now, $4 the states awaiting an operator, $5 role, $6 note. */
    static final String FLAG_OVERDUE = """
            with due as (
                select id from ticket
                where awaiting_operator_since <= $1 and not overdue and state = any($4::text[])
                order by awaiting_operator_since limit $2
                for update skip locked),
            flagged as (
                update ticket t set overdue = true, overdue_since = $3
                from due where t.id = due.id and not t.overdue and t.awaiting_operator_since <= $1
                returning t.id, t.assignee_id, t.subject, t.state),
            recorded as (
                insert into ticket_message (id, ticket_id, at, actor_role, action, from_state, to_state, text)
                select gen_random_uuid(), id, $3, $5, 'OVERDUE', state, state, $6 from flagged)
            select id, assignee_id, subject from flagged""";

    /** $1 cutoff (now - reopen period), $2 batch, $3 now, $4 from, $5 to, $6 role, $7 action, $8 note. */
    static final String AUTO_CLOSE = """
            with due as (
                select id from ticket where state = $4 and resolved_at <= $1
                order by resolved_at limit $2
                for update skip locked),
            closed as (
                update ticket t set state = $5, closed_at = $3, updated_at = $3, awaiting_operator_since = null,
                    overdue = false, overdue_since = null, version = t.version + 1
                from due where t.id = due.id and t.state = $4 and t.resolved_at <= $1
                returning t.id, t.account_id, t.subject),
            recorded as (
                insert into ticket_message (id, ticket_id, at, actor_role, action, from_state, to_state, text)
                select gen_random_uuid(), id, $3, $6, $7, $4, $5, $8 from closed)
            select id, account_id, subject from closed""";

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    TicketSettings settings;

    @Inject
    Notifications notifications;

    TicketJobs() {
        super(JOB, "opengallery.tickets.service-level-job-every", "15m");
    }

    @Override
    public Uni<JobRun> run(JobRequest request) {
        return run();
    }

    @TimedJob(JOB)
    public Uni<JobRun> run() {
        Instant now = clock.now();
        return loop(() -> db.transaction(tx -> flagBatch(tx, now)), 0)
                .chain(flagged -> loop(() -> db.transaction(tx -> closeBatch(tx, now)), 0)
                        .map(closed -> new JobRun(JOB, flagged + closed, ts(now),
                                Map.of("overdue", flagged, "closed", closed))));
    }

    private Uni<Integer> flagBatch(Tx tx, Instant now) {
        String[] awaiting = EnumSet.allOf(TicketState.class).stream().filter(TicketState::awaitsOperator)
                .map(Enum::name).toArray(String[]::new);
        return tx.preparedQuery(FLAG_OVERDUE).execute(Tuple.tuple().addValue(ts(now.minus(settings.answerWithin())))
                .addValue(settings.batch()).addValue(ts(now)).addValue(awaiting)
                .addValue(TicketActor.SYSTEM.role()).addValue(TicketNotices.overdueNote(settings.answerWithin())))
                .chain(rows -> {
                    List<Notifications.Notice> notices = new ArrayList<>();
                    for (Row r : rows) {
                        if (r.getUUID("assignee_id") != null) {
                            notices.add(TicketNotices.overdue(r.getUUID("id"), r.getUUID("assignee_id"),
                                    r.getString("subject"), settings.answerWithin()));
                        }
                    }
                    return notifications.notifyAll(tx, notices, EnumSet.of(Channel.EMAIL)).replaceWith(rows.size());
                });
    }

    private Uni<Integer> closeBatch(Tx tx, Instant now) {
        TicketState from = TicketMachine.sources(TicketAction.AUTO_CLOSE).iterator().next();
        TicketState to = TicketMachine.target(TicketAction.AUTO_CLOSE, from);
        int days = settings.reopenDays();
        return tx.preparedQuery(AUTO_CLOSE).execute(Tuple.tuple().addValue(ts(now.minus(settings.reopenWithin())))
                .addValue(settings.batch()).addValue(ts(now)).addValue(from.name()).addValue(to.name())
                .addValue(TicketActor.SYSTEM.role()).addValue(TicketAction.AUTO_CLOSE.name())
                .addValue(TicketNotices.autoCloseNote(days))).chain(rows -> {
                    List<Notifications.Notice> notices = new ArrayList<>();
                    for (Row r : rows) {
                        notices.add(TicketNotices.autoClosed(r.getUUID("id"), r.getUUID("account_id"),
                                r.getString("subject"), days));
                    }
                    return notifications.notifyAll(tx, notices, EnumSet.of(Channel.EMAIL)).replaceWith(rows.size());
                });
    }

    /** Batches until one handles fewer rows than a batch holds; answers the rows handled. */
    private Uni<Integer> loop(Supplier<Uni<Integer>> batch, int total) {
        return batch.get().chain(n -> n < settings.batch() ? Uni.createFrom().item(total + n) : loop(batch, total + n));
    }

    @Scheduled(identity = JOB, every = "${opengallery.tickets.service-level-job-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }
}
