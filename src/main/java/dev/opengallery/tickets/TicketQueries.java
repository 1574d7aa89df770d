package dev.opengallery.tickets;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Times;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ticket read model: the buyer's and the seller's listings, the operators' queue, one ticket with its messages
 * and what the reader may do now, attachment downloads. Reads only, on pooled connections ({@link Db#reads}); a
 * ticket the reader may not see answers 404.
 */
@ApplicationScoped
public class TicketQueries {

    static final String SELECT = """
            select t.id, t.account_id, t.category, t.subject, t.description, t.state, t.overdue,
                t.awaiting_operator_since, t.assignee_id, t.order_id, t.app_id, t.product_id, p.name as product_name,
                t.seller_id, t.seller_involved, t.outcome, t.granted_credit_limit, t.created_at, t.updated_at,
                t.resolved_at, t.closed_at, t.version
            from ticket t left join product p on p.id = t.product_id
            """;

    /** $1 buyer scope, $2 seller scope (tickets it was brought into). */
    static final String SCOPE = " ($1::uuid is null or t.account_id = $1)"
            + " and ($2::uuid is null or (t.seller_id = $2 and t.seller_involved))";

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    TicketSettings settings;

    /** Listing filters; the operators' queue also filters by category, overdue and age. */
    public record Filter(TicketState state, TicketCategory category, Boolean overdue, Integer olderThanHours) {
    }

    /** The buyer's or the seller's tickets, newest first. */
    public Uni<Page<TicketViews.Summary>> list(Who who, Filter f, int page, int size) {
        return page(who, f, page, size, "order by t.created_at desc, t.id");
    }

    /** The operators' queue: overdue first, then the longest awaiting an answer, then the oldest. */
    public Uni<Page<TicketViews.Summary>> queue(Who who, Filter f, int page, int size) {
        return page(who, f, page, size,
                "order by t.overdue desc, t.awaiting_operator_since asc nulls last, t.created_at, t.id");
    }

    private Uni<Page<TicketViews.Summary>> page(Who who, Filter f, int page, int size, String order) {
        OffsetDateTime openedBefore = f.olderThanHours() == null ? null
                : Times.ts(clock.now().minusSeconds(3600L * f.olderThanHours()));
        Tuple args = Tuple.tuple().addValue(who.buyerScope()).addValue(who.sellerScope())
                .addValue(f.state() == null ? null : f.state().name())
                .addValue(f.category() == null ? null : f.category().name()).addValue(f.overdue())
                .addValue(openedBefore).addValue(size).addValue((long) page * size);
        return db.reads().preparedQuery(SELECT.replace("select t.id,", "select count(*) over () as total, t.id,")
                + " where" + SCOPE + """
                 and ($3::text is null or t.state = $3) and ($4::text is null or t.category = $4)
                  and ($5::boolean is null or t.overdue = $5) and ($6::timestamptz is null or t.created_at <= $6)
                """ + order + " limit $7 offset $8").execute(args)
                .map(rows -> Page.of(rows, r -> summary(r, who), page, size));
    }

    public Uni<TicketViews.View> find(UUID id, Who who) {
        return db.reads().preparedQuery(SELECT + " where t.id = $3 and" + SCOPE)
                .execute(Tuple.of(who.buyerScope(), who.sellerScope(), id)).chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Ticket");
                    }
                    Row r = rows.iterator().next();
                    return messages(id, who).map(messages -> view(r, who, messages));
                });
    }

    TicketViews.View view(Row r, Who who, List<TicketViews.Message> messages) {
        Instant now = clock.now();
        OffsetDateTime resolvedAt = r.getOffsetDateTime("resolved_at");
        TicketState state = TicketState.valueOf(r.getString("state"));
        TicketFacts facts = new TicketFacts(state, r.getUUID("seller_id") != null, r.getBoolean("seller_involved"),
                resolvedAt == null ? null : resolvedAt.toInstant());
        List<TicketAction> allowed = TicketMachine.allowed(facts, who.actor(), now, settings.reopenWithin());
        String outcome = r.getString("outcome");
        boolean seller = who.actor() == TicketActor.SELLER;
        return new TicketViews.View(summary(r, who), r.getString("description"),
                seller || outcome == null ? null : Ticket.CreditOutcome.valueOf(outcome),
                seller ? null : r.getBigDecimal("granted_credit_limit"),
                state == TicketState.RESOLVED && resolvedAt != null
                        ? resolvedAt.plus(settings.reopenWithin()) : null,
                allowed, messages);
    }

    static TicketViews.Summary summary(Row r, Who who) {
        boolean seller = who.actor() == TicketActor.SELLER;
        return new TicketViews.Summary(r.getUUID("id"), seller ? null : r.getUUID("account_id"),
                TicketCategory.valueOf(r.getString("category")), r.getString("subject"),
                TicketState.valueOf(r.getString("state")), r.getBoolean("overdue"),
                r.getOffsetDateTime("awaiting_operator_since"), seller ? null : r.getUUID("assignee_id"),
                r.getUUID("order_id"), seller ? null : r.getUUID("app_id"), r.getUUID("product_id"),
                r.getString("product_name"), r.getBoolean("seller_involved"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("updated_at"), r.getOffsetDateTime("resolved_at"),
                r.getOffsetDateTime("closed_at"), r.getLong("version"));
    }

    Uni<List<TicketViews.Message>> messages(UUID ticketId, Who who) {
        Uni<Map<UUID, List<TicketViews.Attachment>>> files = db.reads().preparedQuery("""
                select id, message_id, file_name, content_type, size_bytes, created_at from ticket_attachment
                where ticket_id = $1 order by created_at, message_id, position""").execute(Tuple.of(ticketId))
                .map(rows -> {
                    Map<UUID, List<TicketViews.Attachment>> byMessage = new LinkedHashMap<>();
                    for (Row r : rows) {
                        byMessage.computeIfAbsent(r.getUUID("message_id"), k -> new ArrayList<>())
                                .add(new TicketViews.Attachment(r.getUUID("id"), r.getString("file_name"),
                                        r.getString("content_type"), r.getLong("size_bytes"),
                                        r.getOffsetDateTime("created_at")));
                    }
                    return byMessage;
                });
        return files.chain(byMessage -> db.reads().preparedQuery("""
                select id, at, actor_id, actor_role, action, from_state, to_state, text from ticket_message
                where ticket_id = $1 order by seq""").execute(Tuple.of(ticketId)).map(rows -> {
            List<TicketViews.Message> out = new ArrayList<>();
            for (Row r : rows) {
                String from = r.getString("from_state");
                UUID actor = r.getUUID("actor_id");
                if (who.actor() == TicketActor.SELLER && !who.accountId().equals(actor)) {
                    actor = null;
                }
                out.add(new TicketViews.Message(r.getUUID("id"), r.getOffsetDateTime("at"), actor,
                        r.getString("actor_role"), r.getString("action"), from == null ? null : TicketState.valueOf(from),
                        TicketState.valueOf(r.getString("to_state")), r.getString("text"),
                        byMessage.getOrDefault(r.getUUID("id"), List.of())));
            }
            return out;
        }));
    }

    public record Download(String fileName, String contentType, byte[] data) {
    }

    public Uni<Download> download(Who who, UUID ticketId, UUID attachmentId) {
        return db.reads().preparedQuery("""
                select a.file_name, a.content_type, a.data from ticket_attachment a join ticket t on t.id = a.ticket_id
                where a.id = $3 and a.ticket_id = $4 and""" + SCOPE)
                .execute(Tuple.of(who.buyerScope(), who.sellerScope(), attachmentId, ticketId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Attachment");
                    }
                    Row r = rows.iterator().next();
                    return new Download(r.getString("file_name"), r.getString("content_type"),
                            r.getBuffer("data").getBytes());
                });
    }
}
