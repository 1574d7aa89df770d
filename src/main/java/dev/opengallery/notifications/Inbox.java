package dev.opengallery.notifications;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Times;
import dev.opengallery.core.ProblemException;
import dev.opengallery.notifications.InboxResource.InboxPage;
import dev.opengallery.notifications.InboxResource.NotificationView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An account's in-app inbox: its page of notifications (a read model, one query), one marked read (the
 * {@link Notification} entity), or all of them at once (one statement).
 */
@ApplicationScoped
public class Inbox {

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    @Inject
    Db db;

    private static final String SELECT = """
            select id, kind, title, body, link, created_at, read_at from notification
            """;

    /** One page, newest first, with the number matching the filter and the number unread. */
    public Uni<InboxPage> page(UUID me, boolean onlyUnread, int page, int size) {
        return pool.preparedQuery("""
                select count(*) filter (where $2 = false or read_at is null) as total,
                       count(*) filter (where read_at is null) as unread
                from notification where account_id = $1""").execute(Tuple.of(me, onlyUnread))
                .chain(counts -> {
                    Row c = counts.iterator().next();
                    long total = c.getLong("total");
                    long unreadCount = c.getLong("unread");
                    return pool.preparedQuery(SELECT + """
                            where account_id = $1 and ($2 = false or read_at is null)
                            order by created_at desc, id desc limit $3 offset $4""")
                            .execute(Tuple.of(me, onlyUnread, size, (long) page * size)).map(rows -> {
                                List<NotificationView> items = new ArrayList<>();
                                for (Row r : rows) {
                                    items.add(view(r));
                                }
                                return new InboxPage(items, total, unreadCount, page, size);
                            });
                });
    }

    /** Marks one notification read; marking it again keeps the first time. Another account's is 404. */
    public Uni<NotificationView> markRead(UUID me, UUID id) {
        return db.transaction(tx -> Notification.owned(id, me).invoke(n -> n.markRead(clock.now()))
                .call(() -> tx.flush()).map(Notification::view));
    }

    /** Marks every unread notification of the account read now; answers how many. */
    public Uni<Long> markAllRead(UUID me) {
        return pool.preparedQuery("update notification set read_at = $2 where account_id = $1 and read_at is null")
                .execute(Tuple.of(me, Times.ts(clock.now()))).map(rows -> (long) rows.rowCount());
    }

    private static NotificationView view(Row r) {
        OffsetDateTime readAt = r.getOffsetDateTime("read_at");
        return new NotificationView(r.getUUID("id"), r.getString("kind"), r.getString("title"), r.getString("body"),
                r.getString("link"), r.getOffsetDateTime("created_at"), readAt, readAt != null);
    }
}
