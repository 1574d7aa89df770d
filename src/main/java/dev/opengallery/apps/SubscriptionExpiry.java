package dev.opengallery.apps;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.opengallery.core.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The set-based expiry moves over many purchased apps (the lifecycle job's volume is large, so these stay SQL),
 * owned by apps with the aggregate: each step's source and target states come from {@link SubscriptionRules.Expiry}.
 * A step claims its rows with SKIP LOCKED and re-checks the state in its UPDATE, so it is idempotent and several
 * replicas may run it at once; every move is recorded in the app's history.
 */
@ApplicationScoped
public class SubscriptionExpiry {

    /** An app one step moved: what the job tells its buyer. */
    public record Moved(UUID id, UUID accountId, OffsetDateTime expiresAt, String ecsId, String productName) {
    }

    /**
     * Moves at most {@code batchSize} apps whose step is due ({@code after} their expiry) from the step's source to
     * its target state, in the caller's transaction.
     */
    public Uni<List<Moved>> expire(Tx tx, SubscriptionRules.Expiry step, Duration after, Instant now, int batchSize) {
        OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
        String stamp = switch (step) {
            case GRACE -> "grace_at";
            case RETENTION -> "retention_at";
            case RELEASED -> "released_at";
        };
        // the state changes when the rule says (expiry, expiry + grace, ...), recorded as such
        String sql = """
                with due as (
                    select id from subscription
                    where status = $1 and expires_at is not null and expires_at <= $3
                    order by expires_at, id limit $5 for update skip locked),
                moved as (
                    update subscription s set status = $2, %s = s.expires_at + $6::text::interval,
                        auto_renew = s.auto_renew and $7, version = s.version + 1
                    from due where s.id = due.id and s.status = $1
                    returning s.id, s.account_id, s.product_id, s.expires_at, s.ecs_id),
                logged as (
                    insert into subscription_event (subscription_id, at, actor_role, kind, from_status, to_status, note)
                    select id, $4::timestamptz, 'system', $2, $1, $2, 'expired ' || to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'
                    from moved)
                select m.id, m.account_id, m.expires_at, m.ecs_id, p.name
                from moved m join product p on p.id = m.product_id""".formatted(stamp);
        return tx.preparedQuery(sql)
                .execute(Tuple.tuple().addValue(step.from.name()).addValue(step.to.name()).addValue(ts.minus(after))
                        .addValue(ts).addValue(batchSize).addValue(after.toSeconds() + " seconds")
                        .addValue(step.keepsAutoRenewal()))
                .map(rows -> {
                    List<Moved> moved = new ArrayList<>();
                    rows.forEach(r -> moved.add(new Moved(r.getUUID("id"), r.getUUID("account_id"),
                            r.getOffsetDateTime("expires_at"), r.getString("ecs_id"), r.getString("name"))));
                    return moved;
                });
    }
}
