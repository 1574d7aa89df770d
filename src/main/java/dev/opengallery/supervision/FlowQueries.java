package dev.opengallery.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.Times;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The supervision read model: flows listed and filtered for their buyer, their seller or operators, one flow with
 * its operation records, attachments' metadata, appeals, what the reader may do now and its appealability, the
 * appeal queue, and attachment downloads. Reads only, each statement on a pooled connection ({@link Db#reads}).
 */
@ApplicationScoped
public class FlowQueries {

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    SupervisionSettings settings;

    public record Filter(FlowState state, ProductType type, String productName, UUID orderId, OffsetDateTime from,
            OffsetDateTime to, Boolean frozen) {
    }

    public Uni<Page<FlowViews.FlowSummary>> list(Who who, Filter f, int page, int size) {
        String name = f.productName() == null || f.productName().isBlank() ? null
                : f.productName().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        Tuple args = Tuple.tuple().addValue(who.buyerScope()).addValue(who.sellerScope())
                .addValue(f.state() == null ? null : f.state().name()).addValue(f.type() == null ? null : f.type().name())
                .addValue(name).addValue(f.orderId()).addValue(f.from()).addValue(f.to()).addValue(f.frozen())
                .addValue(size).addValue((long) page * size);
        return db.reads().preparedQuery(FlowRow.SELECT.replace("select f.id,", "select count(*) over () as total, f.id,") + """
                where ($1::uuid is null or f.account_id = $1) and ($2::uuid is null or f.seller_id = $2)
                  and ($3::text is null or f.state = $3) and ($4::text is null or o.product_type = $4)
                  and ($5::text is null or o.product_name ilike '%' || $5 || '%')
                  and ($6::uuid is null or f.order_id = $6)
                  and ($7::timestamptz is null or f.created_at >= $7) and ($8::timestamptz is null or f.created_at < $8)
                  and ($9::boolean is null or (f.open_appeal_id is not null) = $9)
                order by f.created_at desc, f.id limit $10 offset $11""").execute(args)
                .map(rows -> Page.of(rows, r -> FlowRow.of(r).summary(), page, size));
    }

    public Uni<FlowViews.FlowView> find(UUID flowId, Who who) {
        return db.reads().preparedQuery(FlowRow.SELECT + """
                where f.id = $1 and ($2::uuid is null or f.account_id = $2) and ($3::uuid is null or f.seller_id = $3)""")
                .execute(Tuple.of(flowId, who.buyerScope(), who.sellerScope())).chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Service flow");
                    }
                    FlowRow row = FlowRow.of(rows.iterator().next());
                    Uni<List<FlowViews.Operation>> ops = operations(flowId);
                    Uni<List<FlowViews.Appeal>> appeals = appeals(flowId);
                    Uni<FlowViews.AppInfo> info = row.type() == ProductType.SAAS ? appInfo(row)
                            : Uni.createFrom().nullItem();
                    return Uni.combine().all().unis(ops, appeals, info)
                            .with((o, a, i) -> view(row, who, o, a, i));
                });
    }

    FlowViews.FlowView view(FlowRow row, Who who, List<FlowViews.Operation> ops, List<FlowViews.Appeal> appeals,
            FlowViews.AppInfo info) {
        Instant now = clock.now();
        List<FlowAction> allowed = new ArrayList<>();
        for (FlowAction a : FlowAction.values()) {
            if (FlowMachine.who(a) == Actor.SYSTEM) {
                continue;
            }
            if (FlowMachine.decide(row.facts(), a, who.actor(), now, settings.appealAfter()).allowed()) {
                if (a == FlowAction.REMIND
                        && !ReminderPolicy.allowed(row.lastRemindedAt(), now, settings.reminderInterval())) {
                    continue;
                }
                allowed.add(a);
            }
        }
        FlowViews.Appealability appealability = null;
        if (who.actor() == Actor.BUYER || who.actor() == Actor.SELLER) {
            List<AppealRules.Ground> grounds = AppealRules.grounds(who.actor(), row.facts(), now,
                    settings.appealAfter());
            boolean waitingOnOther = AppealRules.SILENCE_STATES.contains(row.state())
                    && AppealRules.waitingParty(row.state()) == who.actor();
            Instant silentFrom = waitingOnOther ? AppealRules.silentFrom(row.facts(), settings.appealAfter()) : null;
            appealability = new FlowViews.Appealability(!row.frozen() && !grounds.isEmpty(), grounds,
                    Times.ts(silentFrom));
        }
        Instant nextReminder = who.actor() != Actor.BUYER ? null
                : ReminderPolicy.pending(row.lastRemindedAt(), now, settings.reminderInterval());
        Instant completesAt = row.state() == FlowState.ACCEPTED && row.acceptedAt() != null
                ? row.acceptedAt().plus(settings.completeAfter()) : null;
        return new FlowViews.FlowView(row.summary(), row.requestTemplate(), row.requestText(), row.requirement(),
                row.requestRejections(), row.deliveryRejections(), Times.ts(row.acceptedAt()),
                Times.ts(completesAt), Times.ts(row.closedAt()), Times.ts(row.lastRemindedAt()),
                Times.ts(nextReminder), appealability, allowed, info, ops, appeals);
    }

    Uni<List<FlowViews.Operation>> operations(UUID flowId) {
        Uni<Map<UUID, List<FlowViews.Attachment>>> files = db.reads().preparedQuery("""
                select id, operation_id, file_name, content_type, size_bytes, created_at from flow_attachment
                where flow_id = $1 order by created_at, operation_id, position""").execute(Tuple.of(flowId)).map(rows -> {
            Map<UUID, List<FlowViews.Attachment>> byOp = new LinkedHashMap<>();
            for (Row r : rows) {
                byOp.computeIfAbsent(r.getUUID("operation_id"), k -> new ArrayList<>())
                        .add(new FlowViews.Attachment(r.getUUID("id"), r.getString("file_name"),
                                r.getString("content_type"), r.getLong("size_bytes"), r.getOffsetDateTime("created_at")));
            }
            return byOp;
        });
        return files.chain(byOp -> db.reads().preparedQuery("""
                select id, at, actor_id, actor_role, action, from_state, to_state, milestone, note from flow_operation
                where flow_id = $1 order by seq""").execute(Tuple.of(flowId)).map(rows -> {
            List<FlowViews.Operation> out = new ArrayList<>();
            for (Row r : rows) {
                String from = r.getString("from_state");
                out.add(new FlowViews.Operation(r.getUUID("id"), r.getOffsetDateTime("at"), r.getUUID("actor_id"),
                        r.getString("actor_role"), r.getString("action"), from == null ? null : FlowState.valueOf(from),
                        FlowState.valueOf(r.getString("to_state")), r.getInteger("milestone"), r.getString("note"),
                        byOp.getOrDefault(r.getUUID("id"), List.of())));
            }
            return out;
        }));
    }

    static final String APPEAL_SELECT = """
            select a.id, a.flow_id, f.order_id, o.product_name, a.opened_by, a.opened_role, a.reason, a.grounds,
                a.state_at_open, a.status, a.decision, a.decision_note, a.decided_by, a.opened_at, a.decided_at
            from flow_appeal a join service_flow f on f.id = a.flow_id join customer_order o on o.id = f.order_id
            """;

    Uni<List<FlowViews.Appeal>> appeals(UUID flowId) {
        return db.reads().preparedQuery(APPEAL_SELECT + " where a.flow_id = $1 order by a.opened_at, a.id")
                .execute(Tuple.of(flowId)).map(rows -> {
                    List<FlowViews.Appeal> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(appealView(r));
                    }
                    return out;
                });
    }

    public Uni<FlowViews.Appeal> appeal(UUID appealId) {
        return db.reads().preparedQuery(APPEAL_SELECT + " where a.id = $1").execute(Tuple.of(appealId)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Appeal");
            }
            return appealView(rows.iterator().next());
        });
    }

    /** The operators' appeal queue: oldest first; status OPEN, DECIDED or CLOSED (null: all). */
    public Uni<Page<FlowViews.Appeal>> appeals(AppealRules.Status status, int page, int size) {
        return db.reads().preparedQuery(APPEAL_SELECT.replace("select a.id,", "select count(*) over () as total, a.id,")
                + " where ($1::text is null or a.status = $1) order by a.opened_at, a.id limit $2 offset $3")
                .execute(Tuple.of(status == null ? null : status.name(), size, (long) page * size))
                .map(rows -> Page.of(rows, FlowQueries::appealView, page, size));
    }

    static FlowViews.Appeal appealView(Row r) {
        String[] grounds = r.getArrayOfStrings("grounds");
        return new FlowViews.Appeal(r.getUUID("id"), r.getUUID("flow_id"), r.getUUID("order_id"),
                r.getString("product_name"), r.getUUID("opened_by"), r.getString("opened_role"), r.getString("reason"),
                Arrays.stream(grounds == null ? new String[0] : grounds).map(AppealRules.Ground::valueOf).toList(),
                FlowState.valueOf(r.getString("state_at_open")), r.getString("status"), r.getString("decision"),
                r.getString("decision_note"), r.getUUID("decided_by"), r.getOffsetDateTime("opened_at"),
                r.getOffsetDateTime("decided_at"));
    }

    Uni<FlowViews.AppInfo> appInfo(FlowRow row) {
        return db.reads().preparedQuery("""
                select app_username, app_password is not null as password_set, app_management_url, app_frontend_url,
                    app_guide_url from subscription where order_id = $1""").execute(Tuple.of(row.orderId())).map(rows -> {
            if (rows.size() == 0) {
                return new FlowViews.AppInfo(null, false, null, null, row.guideUrl());
            }
            Row r = rows.iterator().next();
            String guide = r.getString("app_guide_url");
            return new FlowViews.AppInfo(r.getString("app_username"), r.getBoolean("password_set"),
                    r.getString("app_management_url"), r.getString("app_frontend_url"),
                    guide != null ? guide : row.guideUrl());
        });
    }

    public record Download(String fileName, String contentType, byte[] data) {
    }

    public Uni<Download> download(Who who, UUID flowId, UUID attachmentId) {
        return db.reads().preparedQuery("""
                select a.file_name, a.content_type, a.data from flow_attachment a join service_flow f on f.id = a.flow_id
                where a.id = $1 and a.flow_id = $2 and ($3::uuid is null or f.account_id = $3)
                  and ($4::uuid is null or f.seller_id = $4)""")
                .execute(Tuple.of(attachmentId, flowId, who.buyerScope(), who.sellerScope())).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Attachment");
                    }
                    Row r = rows.iterator().next();
                    return new Download(r.getString("file_name"), r.getString("content_type"),
                            r.getBuffer("data").getBytes());
                });
    }
}
