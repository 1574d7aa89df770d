package dev.opengallery.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
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

    static final String OPEN_STATES = "('WAITING_FOR_REQUEST', 'WAITING_FOR_SELLER', 'WAITING_FOR_ACCEPTANCE')";

    /** $1 silence cutoff (now - 5 days), $2 batch size. */
    public static final String APPEALABLE_CLAIM = """
            select f.id, f.account_id, f.seller_id, f.state, f.state_since, f.request_rejections, f.delivery_rejections,
                f.deliveries_this_round, f.milestone, o.product_type, o.product_name
            from service_flow f join customer_order o on o.id = f.order_id
            where f.state in ('WAITING_FOR_SELLER', 'WAITING_FOR_ACCEPTANCE') and f.appealable_at is null
              and f.open_appeal_id is null and f.state_since < $1
            order by f.state_since limit $2
            for update of f skip locked""";

    /** $1 ids, $2 now, $3 silence cutoff, $4 and $5 the notes. */
    public static final String APPEALABLE_MARK = """
            with marked as (
                update service_flow f set appealable_at = $2
                from unnest($1::uuid[]) as due(id)
                where f.id = due.id and f.appealable_at is null and f.open_appeal_id is null
                  and f.state in ('WAITING_FOR_SELLER', 'WAITING_FOR_ACCEPTANCE') and f.state_since < $3
                returning f.id, f.state, f.milestone)
            insert into flow_operation (id, flow_id, at, actor_role, action, from_state, to_state, milestone, note)
            select gen_random_uuid(), id, $2, 'system', 'APPEALABLE', state, state, milestone,
                case when state = 'WAITING_FOR_SELLER' then $4 else $5 end
            from marked
            returning flow_id""";

    /** $1 acceptance cutoff (now - 3 hours), $2 batch size. */
    public static final String COMPLETION_CLAIM = """
            select f.id, f.order_id, f.account_id, f.seller_id, f.milestone, o.product_name
            from service_flow f join customer_order o on o.id = f.order_id
            where f.state = 'ACCEPTED' and f.accepted_at <= $1
            order by f.accepted_at limit $2
            for update of f skip locked""";

    /** $1 ids, $2 now, $3 acceptance cutoff, $4 note. */
    public static final String COMPLETION_MOVE = """
            with moved as (
                update service_flow f set state = 'COMPLETED', state_since = $2, closed_at = $2, updated_at = $2,
                    version = f.version + 1
                from unnest($1::uuid[]) as due(id)
                where f.id = due.id and f.state = 'ACCEPTED' and f.accepted_at <= $3
                returning f.id, f.milestone)
            insert into flow_operation (id, flow_id, at, actor_role, action, from_state, to_state, milestone, note)
            select gen_random_uuid(), id, $2, 'system', 'AUTO_COMPLETE', 'ACCEPTED', 'COMPLETED', milestone, $4
            from moved
            returning flow_id""";

    /** $1 age cutoff (now - 365 days), $2 batch size. The order rows are locked too: their invoicing state decides. */
    public static final String AUTO_CLOSE_CLAIM = """
            select f.id, f.order_id, f.account_id, f.seller_id, f.state, f.milestone, o.product_name, o.invoice_state
            from service_flow f join customer_order o on o.id = f.order_id
            where f.state in """ + OPEN_STATES + """
             and f.created_at < $1
            order by f.created_at limit $2
            for update of f, o skip locked""";

    /** $1 ids, $2 next states, $3 states before, $4 now, $5 age cutoff, $6 close note, $7 cancel note. */
    public static final String AUTO_CLOSE_MOVE = """
            with due as (
                select * from unnest($1::uuid[], $2::text[], $3::text[]) as d(id, next, before)),
            moved as (
                update service_flow f set state = due.next, state_since = $4, closed_at = $4, updated_at = $4,
                    open_appeal_id = null, version = f.version + 1
                from due
                where f.id = due.id and f.state = due.before and f.created_at < $5
                returning f.id, f.state, f.milestone, due.before),
            appeals as (
                update flow_appeal a set status = 'CLOSED',
                    decision = case when moved.state = 'CLOSED' then 'AUTO_CLOSE' else 'AUTO_CANCEL' end,
                    decision_note = case when moved.state = 'CLOSED' then $6 else $7 end, decided_at = $4
                from moved where a.flow_id = moved.id and a.status = 'OPEN')
            insert into flow_operation (id, flow_id, at, actor_role, action, from_state, to_state, milestone, note)
            select gen_random_uuid(), id, $4, 'system', case when state = 'CLOSED' then 'AUTO_CLOSE' else 'AUTO_CANCEL' end,
                before, state, milestone, case when state = 'CLOSED' then $6 else $7 end
            from moved
            returning flow_id, to_state""";

    /** "Invoice requested" for the 365-day rule: requested, issued, or asked to be returned (not yet returned). */
    public static final List<String> INVOICE_REQUESTED = List.of("REQUESTED", "ISSUED", "RETURN_REQUESTED");

    @Inject
    Pool pool;

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
        return conn.preparedQuery(APPEALABLE_CLAIM).execute(Tuple.of(ts(cutoff), batch)).chain(rows -> {
            int claimed = rows.size();
            List<UUID> ids = new ArrayList<>();
            java.util.Map<UUID, Row> byId = new java.util.HashMap<>();
            for (Row r : rows) {
                FlowState state = FlowState.valueOf(r.getString("state"));
                FlowFacts facts = new FlowFacts(ProductType.valueOf(r.getString("product_type")), state,
                        r.getOffsetDateTime("state_since").toInstant(), false, r.getInteger("request_rejections"),
                        r.getInteger("delivery_rejections"), r.getInteger("deliveries_this_round"),
                        r.getInteger("milestone"), 1);
                Actor waiting = state == FlowState.WAITING_FOR_SELLER ? Actor.BUYER : Actor.SELLER;
                AppealRules.Ground silence = waiting == Actor.BUYER ? AppealRules.Ground.SELLER_SILENT
                        : AppealRules.Ground.BUYER_SILENT;
                // the one eligibility rule, as the appeal API applies it
                if (AppealRules.grounds(waiting, facts, now, settings.appealAfter()).contains(silence)) {
                    ids.add(r.getUUID("id"));
                    byId.put(r.getUUID("id"), r);
                }
            }
            if (ids.isEmpty()) {
                return Uni.createFrom().item(new int[] { claimed, 0 });
            }
            String days = period();
            return conn.preparedQuery(APPEALABLE_MARK).execute(Tuple.tuple().addValue(ids.toArray(new UUID[0]))
                    .addValue(ts(now)).addValue(ts(cutoff))
                    .addValue("The seller has not updated the flow for more than " + days + ": the buyer may appeal")
                    .addValue("The buyer has not acted on the delivery for more than " + days
                            + ": the seller may appeal"))
                    .chain(marked -> {
                        List<Notifications.Notice> notices = new ArrayList<>();
                        for (Row m : marked) {
                            Row r = byId.get(m.getUUID("flow_id"));
                            String product = r.getString("product_name");
                            UUID flow = r.getUUID("id");
                            if ("WAITING_FOR_SELLER".equals(r.getString("state"))) {
                                notices.add(new Notifications.Notice(r.getUUID("account_id"), "FLOW_APPEALABLE",
                                        "You may appeal: " + product, "The seller of " + product
                                                + " has not updated the service flow for more than " + days
                                                + ". You can send a reminder or initiate an appeal.",
                                        "/supervision/flows/" + flow));
                            } else {
                                notices.add(new Notifications.Notice(r.getUUID("seller_id"), "FLOW_APPEALABLE",
                                        "You may appeal: " + product, "The buyer of " + product
                                                + " has not acted on your delivery for more than " + days
                                                + ". You can initiate an appeal.",
                                        "/seller/supervision/flows/" + flow));
                            }
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
        String note = "Completed " + SupervisionService.hours(settings.completeAfter()) + " after acceptance";
        return conn.preparedQuery(COMPLETION_CLAIM).execute(Tuple.of(ts(cutoff), settings.jobBatchSize()))
                .chain(rows -> {
                    int claimed = rows.size();
                    if (claimed == 0) {
                        return Uni.createFrom().item(new int[] { 0, 0 });
                    }
                    java.util.Map<UUID, Row> byId = new java.util.HashMap<>();
                    for (Row r : rows) {
                        byId.put(r.getUUID("id"), r);
                    }
                    return conn.preparedQuery(COMPLETION_MOVE).execute(Tuple.tuple()
                            .addValue(byId.keySet().toArray(new UUID[0])).addValue(ts(now)).addValue(ts(cutoff))
                            .addValue(note)).chain(moved -> {
                                List<Row> done = new ArrayList<>();
                                for (Row m : moved) {
                                    done.add(byId.get(m.getUUID("flow_id")));
                                }
                                List<Notifications.Notice> notices = new ArrayList<>();
                                for (Row r : done) {
                                    String product = r.getString("product_name");
                                    UUID flow = r.getUUID("id");
                                    notices.add(new Notifications.Notice(r.getUUID("account_id"), "FLOW_COMPLETED",
                                            "Completed: " + product, "Service supervision of " + product
                                                    + " is complete and your order is completed.",
                                            "/supervision/flows/" + flow));
                                    notices.add(new Notifications.Notice(r.getUUID("seller_id"), "FLOW_COMPLETED",
                                            "Completed: " + product, "Service supervision of " + product
                                                    + " is complete and the order is completed.",
                                            "/seller/supervision/flows/" + flow));
                                }
                                return perOrder(done, r -> orders.completeSupervised(conn, r.getUUID("order_id"), null,
                                        "system", "service supervision completed"))
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
        String days = settings.autoCloseAfter().toDays() + " days";
        String closeNote = "Open for more than " + days + " with an invoice requested: closed, order completed";
        String cancelNote = "Open for more than " + days + " without an invoice request: order canceled and refunded";
        return conn.preparedQuery(AUTO_CLOSE_CLAIM).execute(Tuple.of(ts(cutoff), settings.jobBatchSize()))
                .chain(rows -> {
                    int claimed = rows.size();
                    if (claimed == 0) {
                        return Uni.createFrom().item(new int[] { 0, 0 });
                    }
                    java.util.Map<UUID, Row> byId = new java.util.HashMap<>();
                    List<UUID> ids = new ArrayList<>();
                    List<String> next = new ArrayList<>();
                    List<String> before = new ArrayList<>();
                    for (Row r : rows) {
                        boolean invoiced = INVOICE_REQUESTED.contains(r.getString("invoice_state"));
                        FlowAction action = invoiced ? FlowAction.AUTO_CLOSE : FlowAction.AUTO_CANCEL;
                        FlowFacts facts = new FlowFacts(ProductType.SAAS, FlowState.valueOf(r.getString("state")), null,
                                false, 0, 0, 0, 1, 1);
                        FlowMachine.Outcome o = FlowMachine.decide(facts, action, Actor.SYSTEM, now,
                                settings.appealAfter());
                        if (!o.allowed()) {
                            continue;
                        }
                        byId.put(r.getUUID("id"), r);
                        ids.add(r.getUUID("id"));
                        next.add(o.next().name());
                        before.add(r.getString("state"));
                    }
                    return conn.preparedQuery(AUTO_CLOSE_MOVE).execute(Tuple.tuple().addValue(ids.toArray(new UUID[0]))
                            .addValue(next.toArray(new String[0])).addValue(before.toArray(new String[0]))
                            .addValue(ts(now)).addValue(ts(cutoff)).addValue(closeNote).addValue(cancelNote))
                            .chain(moved -> {
                                List<Row> closed = new ArrayList<>();
                                List<Row> canceled = new ArrayList<>();
                                List<Notifications.Notice> notices = new ArrayList<>();
                                for (Row m : moved) {
                                    Row r = byId.get(m.getUUID("flow_id"));
                                    boolean isClosed = "CLOSED".equals(m.getString("to_state"));
                                    (isClosed ? closed : canceled).add(r);
                                    String product = r.getString("product_name");
                                    UUID flow = r.getUUID("id");
                                    String kind = isClosed ? "FLOW_CLOSED" : "FLOW_CANCELED";
                                    String title = (isClosed ? "Closed: " : "Canceled: ") + product;
                                    String body = isClosed
                                            ? "Service supervision of " + product + " ran for more than " + days
                                                    + ". As an invoice was requested, the flow is closed and the "
                                                    + "order completed."
                                            : "Service supervision of " + product + " ran for more than " + days
                                                    + " without an invoice request: the order is canceled and what "
                                                    + "was paid is refunded.";
                                    notices.add(new Notifications.Notice(r.getUUID("account_id"), kind, title, body,
                                            "/supervision/flows/" + flow));
                                    notices.add(new Notifications.Notice(r.getUUID("seller_id"), kind, title, body,
                                            "/seller/supervision/flows/" + flow));
                                }
                                return perOrder(closed, r -> orders.completeSupervised(conn, r.getUUID("order_id"),
                                        null, "system", closeNote))
                                        .chain(() -> perOrder(canceled, r -> orders.cancelAndRefund(conn,
                                                r.getUUID("order_id"), null, "system", cancelNote)))
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

    private String period() {
        long d = settings.appealAfter().toDays();
        return settings.appealAfter().equals(java.time.Duration.ofDays(d)) ? d + " days"
                : SupervisionService.hours(settings.appealAfter());
    }

    static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
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
