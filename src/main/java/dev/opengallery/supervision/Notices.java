package dev.opengallery.supervision;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Set-based notifications for the scheduled jobs: one statement writes the inbox entries of a whole batch and
 * their e-mail outbox rows, in the job's transaction, exactly as {@link dev.opengallery.notifications.Notifications}
 * does row by row (inbox entry; an EMAIL delivery when the account has an address; titles one line of at most 200
 * characters, bodies at most 4000). The API's single moves use Notifications itself.
 */
final class Notices {

    record Notice(UUID accountId, String kind, String title, String body, String link) {
    }

    static final String INSERT = """
            with src as (
                select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
                    as s(account_id, kind, title, body, link)),
            n as (
                insert into notification (id, account_id, kind, title, body, link, created_at)
                select gen_random_uuid(), s.account_id, s.kind, s.title, s.body, s.link, $6 from src s
                returning id, account_id)
            insert into notification_delivery (id, notification_id, channel, recipient, status, attempts, next_attempt_at)
            select gen_random_uuid(), n.id, 'EMAIL', btrim(a.email), 'PENDING', 0, $6
            from n join account a on a.id = n.account_id
            where a.email is not null and btrim(a.email) <> ''""";

    private Notices() {
    }

    static Uni<Void> insert(SqlConnection conn, List<Notice> notices, Instant now) {
        if (notices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = notices.size();
        UUID[] accounts = new UUID[n];
        String[] kinds = new String[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        String[] links = new String[n];
        for (int i = 0; i < n; i++) {
            Notice x = notices.get(i);
            accounts[i] = x.accountId();
            kinds[i] = x.kind();
            titles[i] = shorten(x.title().strip().replaceAll("\\s+", " "), 200);
            bodies[i] = shorten(x.body().strip(), 4000);
            links[i] = x.link();
        }
        return conn.preparedQuery(INSERT).execute(Tuple.tuple().addValue(accounts).addValue(kinds).addValue(titles)
                .addValue(bodies).addValue(links).addValue(now.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

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
}
