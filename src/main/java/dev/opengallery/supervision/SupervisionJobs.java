package dev.opengallery.supervision;

import static dev.opengallery.core.Times.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.Db;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.AppClock;
import dev.opengallery.jobs.JobRun;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import dev.opengallery.ordering.OrderService;
import dev.opengallery.jobs.TimedJob;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import dev.opengallery.invoicing.InvoiceLifecycle;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The three time rules of service supervision, on a schedule and on an operator's demand. Each run works in
 * batches, one transaction each: it claims the due flows through a partial index, oldest first, with
 * {@code FOR UPDATE SKIP LOCKED} (another replica running at the same time claims other rows or none), moves them
 * with one UPDATE whose WHERE repeats every condition (so a row moved meanwhile is left alone: idempotent), records
 * the moves and notifies set-based, and completes or cancels the orders through the ordering feature in the same
 * transaction. Its cost grows with the due flows, not with all flows.
 */
@ApplicationScoped
public class SupervisionJobs {

    public static final String APPEALABLE = "supervision-appealable";
    public static final String COMPLETION = "supervision-completion";
    public static final String AUTO_CLOSE = "supervision-auto-close";

    /** $1 silence cutoff (now - 5 days), $2 batch size, $3 the states in which a party waits on the other. */
    public static final String APPEALABLE_CLAIM = """
            select f.id, f.account_id, f.seller_id, f.state, f.state_since, f.request_rejections, f.delivery_rejections,
                f.deliveries_this_round, f.milestone, o.product_type, o.product_name
            from service_flow f join customer_order o on o.id = f.order_id
            where f.state = any($3::text[]) and f.appealable_at is null
              and f.open_appeal_id is null and f.state_since < $1
            order by f.state_since limit $2
            for update of f skip locked""";

    /** $1 ids, $2 now, $3 silence cutoff, $4 the waiting states, $5 the notes (by state), $6 actor role, $7 action. */
    public static final String APPEALABLE_MARK = """
            with marked as (
                update service_flow f set appealable_at = $2
                from unnest($1::uuid[]) as due(id)
                where f.id = due.id and f.appealable_at is null and f.open_appeal_id is null
                  and f.state = any($4::text[]) and f.state_since < $3
                returning f.id, f.state, f.milestone)
            insert into flow_operation (id, flow_id, at, actor_role, action, from_state, to_state, milestone, note)
            select gen_random_uuid(), m.id, $2, $6, $7, m.state, m.state, m.milestone, n.note
            from marked m join unnest($4::text[], $5::text[]) as n(state, note) on n.state = m.state
            returning flow_id""";

    /** $1 acceptance cutoff (now - 3 hours), $2 batch size, $3 the state AUTO_COMPLETE moves from. */
    public static final String COMPLETION_CLAIM = """
            select f.id, f.order_id, f.account_id, f.seller_id, f.milestone, o.product_name
            from service_flow f join customer_order o on o.id = f.order_id
            where f.state = $3 and f.accepted_at <= $1
            order by f.accepted_at limit $2
            for update of f skip locked""";

    /** $1 ids, $2 now, $3 acceptance cutoff, $4 note, $5 state before, $6 state after, $7 actor role, $8 action. */
    public static final String COMPLETION_MOVE = """
            with moved as (
                update service_flow f set state = $6, state_since = $2, closed_at = $2, updated_at = $2,
                    version = f.version + 1
                from unnest($1::uuid[]) as due(id)
                where f.id = due.id and f.state = $5 and f.accepted_at <= $3
                returning f.id, f.milestone)
            insert into flow_operation (id, flow_id, at, actor_role, action, from_state, to_state, milestone, note)
            select gen_random_uuid(), id, $2, $7, $8, $5, $6, milestone, $4
            from moved
            returning flow_id""";

    /**
     * $1 age cutoff (now - 365 days), $2 batch size, $3 the states AUTO_CLOSE and AUTO_CANCEL move from. The order
     * rows are locked too: their invoicing state decides.
     */
    public static final String AUTO_CLOSE_CLAIM = """
            select f.id, f.order_id, f.account_id, f.seller_id, f.state, f.milestone, o.product_name, o.invoice_state
            from service_flow f join customer_order o on o.id = f.order_id
            where f.state = any($3::text[]) and f.created_at < $1
            order by f.created_at limit $2
            for update of f, o skip locked""";

    /**
     * Per flow: $1 ids, $2 next states, $3 states before, $4 actions, $5 how its open appeal ends, $6 notes; then $7
     * now, $8 age cutoff, $9 an open appeal's status, $10 a closed appeal's status, $11 actor role.
     */
    public static final String AUTO_CLOSE_MOVE = """
            with due as (
                select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                    as d(id, next, before, action, decision, note)),
            moved as (
                update service_flow f set state = due.next, state_since = $7, closed_at = $7, updated_at = $7,
                    open_appeal_id = null, version = f.version + 1
                from due
                where f.id = due.id and f.state = due.before and f.created_at < $8
                returning f.id, f.state, f.milestone, due.before, due.action, due.decision, due.note),
            appeals as (
                update flow_appeal a set status = $10, decision = moved.decision, decision_note = moved.note,
                    decided_at = $7
                from moved where a.flow_id = moved.id and a.status = $9)
            insert into flow_operation (id, flow_id, at, actor_role, action, from_state, to_state, milestone, note)
            select gen_random_uuid(), id, $7, $11, action, before, state, milestone, note
            from moved
            returning flow_id, to_state""";

    /**
     * "Invoice requested" for the 365-day rule: an order whose invoice is live (requested, issued, or asked to be
     * returned; not returned), as invoicing's rules say.
     */
    public static final List<String> INVOICE_REQUESTED = Arrays.stream(InvoiceLifecycle.State.values())
            .filter(InvoiceLifecycle.State::live).map(Enum::name).toList();

    /** The action the appealability job records (a mark, not a move). */
    static final String APPEALABLE_ACTION = "APPEALABLE";

    /** The arguments of {@link #APPEALABLE_CLAIM}. */
    public static Tuple appealableClaimArgs(OffsetDateTime cutoff, int batch) {
        return Tuple.of(cutoff, batch, names(AppealRules.SILENCE_STATES));
    }

    /** The arguments of {@link #COMPLETION_CLAIM}. */
    public static Tuple completionClaimArgs(OffsetDateTime cutoff, int batch) {
        return Tuple.of(cutoff, batch, completionSource().name());
    }

    /** The arguments of {@link #AUTO_CLOSE_CLAIM}. */
    public static Tuple autoCloseClaimArgs(OffsetDateTime cutoff, int batch) {
        Set<FlowState> from = EnumSet.copyOf(FlowMachine.sources(FlowAction.AUTO_CLOSE));
        from.retainAll(FlowMachine.sources(FlowAction.AUTO_CANCEL));
        return Tuple.of(cutoff, batch, names(from));
    }

    /** The one state AUTO_COMPLETE moves from. */
    static FlowState completionSource() {
        return FlowMachine.sources(FlowAction.AUTO_COMPLETE).iterator().next();
    }

    static String[] names(Collection<FlowState> states) {
        return states.stream().map(Enum::name).toArray(String[]::new);
    }

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    SupervisionSettings settings;

    @Inject
    OrderService orders;

    @Inject
    Notifications notifications;

    // ---------------------------------------------------------------------------------- appealability

    @TimedJob(APPEALABLE)
    public Uni<JobRun> runAppealable() {
        Instant now = clock.now();
        return loop(() -> db.transaction(conn -> appealableBatch(conn, now)), 0)
                .map(n -> new JobRun(APPEALABLE, n, ts(now)));
    }

    private Uni<int[]> appealableBatch(Tx conn, Instant now) {
        Instant cutoff = now.minus(settings.appealAfter());
        int batch = settings.jobBatchSize();
        return conn.preparedQuery(APPEALABLE_CLAIM).execute(appealableClaimArgs(ts(cutoff), batch)).chain(rows -> {
            int claimed = rows.size();
            List<UUID> ids = new ArrayList<>();
            Map<UUID, Row> byId = new HashMap<>();
            for (Row r : rows) {
                FlowState state = FlowState.valueOf(r.getString("state"));
                FlowFacts facts = new FlowFacts(ProductType.valueOf(r.getString("product_type")), state,
                        r.getOffsetDateTime("state_since").toInstant(), false, r.getInteger("request_rejections"),
                        r.getInteger("delivery_rejections"), r.getInteger("deliveries_this_round"),
                        r.getInteger("milestone"), 1);
                Actor waiting = AppealRules.waitingParty(state);
                // the one eligibility rule, as the appeal API applies it
                if (AppealRules.grounds(waiting, facts, now, settings.appealAfter())
                        .contains(AppealRules.silenceGround(waiting))) {
                    ids.add(r.getUUID("id"));
                    byId.put(r.getUUID("id"), r);
                }
            }
            if (ids.isEmpty()) {
                return Uni.createFrom().item(new int[] { claimed, 0 });
            }
            List<FlowState> waitingStates = List.copyOf(AppealRules.SILENCE_STATES);
            String[] notes = waitingStates.stream().map(st -> FlowNotices.appealableNote(st, settings.appealAfter()))
                    .toArray(String[]::new);
            return conn.preparedQuery(APPEALABLE_MARK).execute(Tuple.tuple().addValue(ids.toArray(new UUID[0]))
                    .addValue(ts(now)).addValue(ts(cutoff)).addValue(names(waitingStates)).addValue(notes)
                    .addValue(Actor.SYSTEM.role()).addValue(APPEALABLE_ACTION))
                    .chain(marked -> {
                        List<Notifications.Notice> notices = new ArrayList<>();
                        for (Row m : marked) {
                            Row r = byId.get(m.getUUID("flow_id"));
                            notices.add(FlowNotices.appealable(r.getUUID("id"), r.getUUID("account_id"),
                                    r.getUUID("seller_id"), r.getString("product_name"),
                                    FlowState.valueOf(r.getString("state")), settings.appealAfter()));
                        }
                        return notifications.notifyAll(conn, notices, EnumSet.of(Channel.EMAIL))
                                .replaceWith(new int[] { claimed, marked.size() });
                    });
        });
    }

    // ------------------------------------------------------------------------------------- completion

    @TimedJob(COMPLETION)
    public Uni<JobRun> runCompletion() {
        Instant now = clock.now();
        return loop(() -> db.transaction(conn -> completionBatch(conn, now)), 0)
                .map(n -> new JobRun(COMPLETION, n, ts(now)));
    }

    private Uni<int[]> completionBatch(Tx conn, Instant now) {
        Instant cutoff = now.minus(settings.completeAfter());
        String note = FlowNotices.completedNote(settings.completeAfter());
        FlowState from = completionSource();
        FlowState to = FlowMachine.target(FlowAction.AUTO_COMPLETE, from);
        return conn.preparedQuery(COMPLETION_CLAIM).execute(completionClaimArgs(ts(cutoff), settings.jobBatchSize()))
                .chain(rows -> {
                    int claimed = rows.size();
                    if (claimed == 0) {
                        return Uni.createFrom().item(new int[] { 0, 0 });
                    }
                    Map<UUID, Row> byId = new HashMap<>();
                    for (Row r : rows) {
                        byId.put(r.getUUID("id"), r);
                    }
                    return conn.preparedQuery(COMPLETION_MOVE).execute(Tuple.tuple()
                            .addValue(byId.keySet().toArray(new UUID[0])).addValue(ts(now)).addValue(ts(cutoff))
                            .addValue(note).addValue(from.name()).addValue(to.name()).addValue(Actor.SYSTEM.role())
                            .addValue(FlowAction.AUTO_COMPLETE.name())).chain(moved -> {
                                List<Row> done = new ArrayList<>();
                                List<Notifications.Notice> notices = new ArrayList<>();
                                for (Row m : moved) {
                                    Row r = byId.get(m.getUUID("flow_id"));
                                    done.add(r);
                                    notices.addAll(FlowNotices.completed(r.getUUID("id"), r.getUUID("account_id"),
                                            r.getUUID("seller_id"), r.getString("product_name")));
                                }
                                return perOrder(done, r -> orders.completeSupervised(conn, r.getUUID("order_id"), null,
                                        Actor.SYSTEM.role(), "service supervision completed"))
                                        .chain(() -> notifications.notifyAll(conn, notices, EnumSet.of(Channel.EMAIL)))
                                        .replaceWith(new int[] { claimed, done.size() });
                            });
                });
    }

    // ------------------------------------------------------------------------------------- auto-close

    @TimedJob(AUTO_CLOSE)
    public Uni<JobRun> runAutoClose() {
        Instant now = clock.now();
        return loop(() -> db.transaction(conn -> autoCloseBatch(conn, now)), 0)
                .map(n -> new JobRun(AUTO_CLOSE, n, ts(now)));
    }

    private Uni<int[]> autoCloseBatch(Tx conn, Instant now) {
        Instant cutoff = now.minus(settings.autoCloseAfter());
        String closeNote = FlowNotices.closeNote(settings.autoCloseAfter());
        String cancelNote = FlowNotices.cancelNote(settings.autoCloseAfter());
        return conn.preparedQuery(AUTO_CLOSE_CLAIM).execute(autoCloseClaimArgs(ts(cutoff), settings.jobBatchSize()))
                .chain(rows -> {
                    int claimed = rows.size();
                    if (claimed == 0) {
                        return Uni.createFrom().item(new int[] { 0, 0 });
                    }
                    Map<UUID, Row> byId = new HashMap<>();
                    List<UUID> ids = new ArrayList<>();
                    List<String> next = new ArrayList<>();
                    List<String> before = new ArrayList<>();
                    List<String> actions = new ArrayList<>();
                    List<String> decisions = new ArrayList<>();
                    List<String> notes = new ArrayList<>();
                    for (Row r : rows) {
                        boolean invoiced = INVOICE_REQUESTED.contains(r.getString("invoice_state"));
                        FlowAction action = invoiced ? FlowAction.AUTO_CLOSE : FlowAction.AUTO_CANCEL;
                        FlowState state = FlowState.valueOf(r.getString("state"));
                        if (!FlowMachine.sources(action).contains(state)) {
                            continue;
                        }
                        FlowState to = FlowMachine.target(action, state);
                        byId.put(r.getUUID("id"), r);
                        ids.add(r.getUUID("id"));
                        next.add(to.name());
                        before.add(state.name());
                        actions.add(action.name());
                        decisions.add(AppealRules.closedBy(to).name());
                        notes.add(invoiced ? closeNote : cancelNote);
                    }
                    return conn.preparedQuery(AUTO_CLOSE_MOVE).execute(Tuple.tuple().addValue(ids.toArray(new UUID[0]))
                            .addValue(next.toArray(new String[0])).addValue(before.toArray(new String[0]))
                            .addValue(actions.toArray(new String[0])).addValue(decisions.toArray(new String[0]))
                            .addValue(notes.toArray(new String[0])).addValue(ts(now)).addValue(ts(cutoff))
                            .addValue(AppealRules.Status.OPEN.name()).addValue(AppealRules.Status.CLOSED.name())
                            .addValue(Actor.SYSTEM.role()))
                            .chain(moved -> {
                                List<Row> closed = new ArrayList<>();
                                List<Row> canceled = new ArrayList<>();
                                List<Notifications.Notice> notices = new ArrayList<>();
                                for (Row m : moved) {
                                    Row r = byId.get(m.getUUID("flow_id"));
                                    boolean isClosed = FlowState.valueOf(m.getString("to_state")) == FlowState.CLOSED;
                                    (isClosed ? closed : canceled).add(r);
                                    notices.addAll(FlowNotices.closedByAge(r.getUUID("id"), r.getUUID("account_id"),
                                            r.getUUID("seller_id"), r.getString("product_name"), isClosed,
                                            settings.autoCloseAfter()));
                                }
                                return perOrder(closed, r -> orders.completeSupervised(conn, r.getUUID("order_id"),
                                        null, Actor.SYSTEM.role(), closeNote))
                                        .chain(() -> perOrder(canceled, r -> orders.cancelAndRefund(conn,
                                                r.getUUID("order_id"), null, Actor.SYSTEM.role(), cancelNote)))
                                        .chain(() -> notifications.notifyAll(conn, notices, EnumSet.of(Channel.EMAIL)))
                                        .replaceWith(new int[] { claimed, moved.size() });
                            });
                });
    }

    // ------------------------------------------------------------------------------------------ common

    /**
     * The ordering feature's per-order operation for each moved flow, one order after the other: they share the
     * batch's transaction, whose Hibernate session (entities) takes one operation at a time.
     */
    private static Uni<Void> perOrder(List<Row> rows, java.util.function.Function<Row, Uni<Boolean>> op) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(rows).onItem().<Boolean> transformToUniAndConcatenate(r -> op.apply(r)).collect().asList()
                .replaceWithVoid();
    }

    /** Runs batches until one claims fewer rows than a batch holds (or moves none); answers the rows moved. */
    private Uni<Integer> loop(Supplier<Uni<int[]>> batch, int total) {
        return batch.get().chain(r -> r[0] < settings.jobBatchSize() || r[1] == 0
                ? Uni.createFrom().item(total + r[1])
                : loop(batch, total + r[1]));
    }


    @Scheduled(identity = APPEALABLE, every = "${opengallery.supervision.appealable-job-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledAppealable() {
        return runAppealable().replaceWithVoid();
    }

    @Scheduled(identity = COMPLETION, every = "${opengallery.supervision.completion-job-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledCompletion() {
        return runCompletion().replaceWithVoid();
    }

    @Scheduled(identity = AUTO_CLOSE, every = "${opengallery.supervision.auto-close-job-every:24h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledAutoClose() {
        return runAutoClose().replaceWithVoid();
    }
}
