package dev.opengallery.notifications;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

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
    public Uni<UUID> notify(SqlConnection conn, UUID accountId, String kind, String title, String body, String link,
            Set<Channel> channels) {
        try {
            check(accountId, kind, title, body, link);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
        return conn.preparedQuery("select email, phone from account where id = $1").execute(Tuple.of(accountId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(new IllegalArgumentException("No account " + accountId));
                    }
                    Row account = rows.iterator().next();
                    List<Tuple> deliveries = new ArrayList<>();
                    for (Channel channel : Channel.values()) {
                        if (channels == null || !channels.contains(channel)) {
                            continue;
                        }
                        String address = channel == Channel.EMAIL ? account.getString("email") : account.getString("phone");
                        if (address == null || address.isBlank()) {
                            continue;
                        }
                        deliveries.add(Tuple.of(UUID.randomUUID(), id, channel.name(), address.trim(), now));
                    }
                    Uni<?> inbox = conn.preparedQuery("""
                            insert into notification (id, account_id, kind, title, body, link, created_at)
                            values ($1, $2, $3, $4, $5, $6, $7)""")
                            .execute(Tuple.tuple().addValue(id).addValue(accountId).addValue(kind.trim())
                                    .addValue(title(title)).addValue(shorten(body.strip(), MAX_BODY))
                                    .addValue(link == null || link.isBlank() ? null : link.trim()).addValue(now));
                    if (deliveries.isEmpty()) {
                        return inbox.replaceWith(id);
                    }
                    return inbox.chain(() -> conn.preparedQuery("""
                            insert into notification_delivery (id, notification_id, channel, recipient, status, attempts,
                                next_attempt_at) values ($1, $2, $3, $4, 'PENDING', 0, $5)""").executeBatch(deliveries))
                            .replaceWith(id);
                });
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
