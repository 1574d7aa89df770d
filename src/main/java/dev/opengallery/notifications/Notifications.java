package dev.opengallery.notifications;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Times;
import io.smallrye.mutiny.Uni;
import dev.opengallery.core.Tx;
import dev.opengallery.jobs.JobsConfig;
import dev.opengallery.jobs.Outbox;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Tells an account that something happened: an in-app inbox entry, plus one outbox row per requested channel
 * that {@link NotificationDeliveryJob} sends later. Everything is written on the caller's connection, inside
 * the caller's transaction, so a notification exists if and only if the business change committed.
 *
 * <p>Title and body are plain text (no HTML) read by people; they must never carry secrets (passwords, access
 * tokens), the only exception being the link of a private offer, which is the offer's own access path. A title
 * is made one line (runs of white space become one space) and, like the body, shortened with an ellipsis when
 * too long, so that long user-given names never fail the caller's business change.
 */
@ApplicationScoped
public class Notifications {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 4000;
    static final int MAX_LINK = 2000;

    @Inject
    AppClock clock;

    @Inject
    JobsConfig jobs;

    @Inject
    NotificationDeliveryJob delivery;

    /** One notification of a batch (see {@link #notifyAll}). */
    public record Notice(UUID accountId, String kind, String title, String body, String link) {
    }

    /**
     * Writes a batch of notifications in one statement: the inbox entries and, per requested channel, an outbox row
     * for each account that has the address (e-mail, phone). The same rules as {@link #notify} apply to each.
     */
    static final String INSERT = """
            with src as (
                select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
                    as s(id, account_id, kind, title, body, link)),
            n as (
                insert into notification (id, account_id, kind, title, body, link, created_at)
                select s.id, s.account_id, s.kind, s.title, s.body, s.link, $7 from src s
                returning id, account_id)
            insert into notification_delivery (id, notification_id, channel, recipient, status, attempts, next_attempt_at)
            select gen_random_uuid(), n.id, c.channel, d.address, $9, 0, $7
            from n join account a on a.id = n.account_id
            cross join unnest($8::text[]) as c(channel)
            cross join lateral (select btrim(case c.channel when 'EMAIL' then a.email else a.phone end) as address) d
            where d.address <> ''""";

    /**
     * Records a notification for {@code accountId} in the caller's transaction.
     *
     * @param conn the caller's connection, with its transaction open (e.g. inside {@code pool.withTransaction})
     * @param kind a stable machine-readable kind, e.g. {@code ORDER_PAID}, {@code OFFER_RECEIVED}
     * @param title one line of plain text (e-mail subject)
     * @param body plain text
     * @param link where the notification leads in the app (absolute path or URL), or null
     * @param channels channels to deliver to besides the inbox (null or empty: inbox only); a channel whose
     *        address the account does not have (no e-mail, no phone) is skipped
     * @return the notification's id
     */
    public Uni<UUID> notify(Tx conn, UUID accountId, String kind, String title, String body, String link,
            Set<Channel> channels) {
        return insert(conn, List.of(new Notice(accountId, kind, title, body, link)), channels).map(ids -> ids[0]);
    }

    /**
     * Records a batch of notifications (the scheduled jobs' many at once) in the caller's transaction, with one
     * statement, by the same rules as {@link #notify}.
     */
    public Uni<Void> notifyAll(Tx conn, List<Notice> notices, Set<Channel> channels) {
        return insert(conn, notices, channels).replaceWithVoid();
    }

    /** Writes the notices; answers their ids, in order. */
    private Uni<UUID[]> insert(Tx conn, List<Notice> notices, Set<Channel> channels) {
        int n = notices.size();
        UUID[] ids = new UUID[n];
        if (n == 0) {
            return Uni.createFrom().item(ids);
        }
        UUID[] accounts = new UUID[n];
        String[] kinds = new String[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        String[] links = new String[n];
        for (int i = 0; i < n; i++) {
            Notice x = notices.get(i);
            try {
                check(x.accountId(), x.kind(), x.title(), x.body(), x.link());
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().failure(e);
            }
            ids[i] = UUID.randomUUID();
            accounts[i] = x.accountId();
            kinds[i] = x.kind().trim();
            titles[i] = title(x.title());
            bodies[i] = shorten(x.body().strip(), MAX_BODY);
            links[i] = x.link() == null || x.link().isBlank() ? null : x.link().trim();
        }
        String[] channelNames = channels == null ? new String[0]
                : channels.stream().sorted().map(Channel::name).toArray(String[]::new);
        OffsetDateTime now = Times.ts(clock.now());
        return conn.preparedQuery(INSERT).execute(Tuple.tuple().addValue(ids).addValue(accounts).addValue(kinds)
                .addValue(titles).addValue(bodies).addValue(links).addValue(now).addValue(channelNames)
                .addValue(Outbox.Status.PENDING.name()))
                .onFailure(e -> e instanceof PgException pg && "23503".equals(pg.getSqlState()))
                .transform(e -> new IllegalArgumentException("No account " + (n == 1 ? accounts[0] : "for every notice")))
                .invoke(() -> {
                    if (jobs.external() && channelNames.length > 0) {
                        // no timer drains the outbox while the service may scale to zero between triggers: send
                        // these now, once they are committed (the outbox's trigger then only retries failures)
                        conn.afterCommit(delivery::sendSoon);
                    }
                })
                .replaceWith(ids);
    }

    /** One line, at most {@link #MAX_TITLE} characters. */
    static String title(String title) {
        return shorten(title.strip().replaceAll("\\s+", " "), MAX_TITLE);
    }

    /** The text itself when it fits, else its beginning and an ellipsis, {@code max} characters in all. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "\u2026";
    }

    /** Programming errors of the caller: fail before touching the database. */
    static void check(UUID accountId, String kind, String title, String body, String link) {
        if (accountId == null) {
            throw new IllegalArgumentException("accountId is required");
        }
        if (kind == null || !kind.trim().matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw new IllegalArgumentException("kind must be an UPPER_SNAKE_CASE name, was " + kind);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body is required");
        }
        if (link != null && (link.length() > MAX_LINK || link.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("link must be a path or URL without spaces, up to " + MAX_LINK
                    + " characters");
        }
    }
}
