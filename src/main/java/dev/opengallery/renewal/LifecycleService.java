package dev.opengallery.renewal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.opengallery.core.Db;
import dev.opengallery.apps.Subscription;
import dev.opengallery.apps.SubscriptionEnded;
import dev.opengallery.core.AppClock;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The expiry lifecycle of yearly/monthly apps: ACTIVE becomes GRACE at its expiry, RETENTION after the grace period
 * (15 days), RELEASED after the retention period (15 more); the buyer is told at each step. Each step is one
 * set-based statement that claims its rows with SKIP LOCKED and re-checks the state in its UPDATE, so the job is
 * idempotent and several replicas may run it at once; after downtime one run catches up every step.
 */
@ApplicationScoped
public class LifecycleService {

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    Notifications notifications;

    @Inject
    AppClock clock;

    @Inject
    Instance<SubscriptionEnded> endHooks;

    @ConfigProperty(name = "opengallery.renewal.grace-period", defaultValue = "15D")
    Duration grace;

    @ConfigProperty(name = "opengallery.renewal.retention-period", defaultValue = "15D")
    Duration retention;

    @ConfigProperty(name = "opengallery.renewal.batch-size", defaultValue = "500")
    int batchSize;

    private record Step(Subscription.Status from, Subscription.Status to, Duration after, String stampColumn) {
    }

    /** Runs the three steps in order; answers how many subscriptions moved. */
    public Uni<Integer> run() {
        Instant now = clock.now();
        Step toGrace = new Step(Subscription.Status.ACTIVE, Subscription.Status.GRACE, Duration.ZERO, "grace_at");
        Step toRetention = new Step(Subscription.Status.GRACE, Subscription.Status.RETENTION, grace, "retention_at");
        Step toReleased = new Step(Subscription.Status.RETENTION, Subscription.Status.RELEASED, grace.plus(retention),
                "released_at");
        return step(toGrace, now).chain(a -> step(toRetention, now).chain(b -> step(toReleased, now)
                .map(c -> a + b + c)));
    }

    /** One step, repeated batch by batch until nothing is due. */
    private Uni<Integer> step(Step step, Instant now) {
        return db.transaction(conn -> move(conn, step, now)).chain(n -> n < batchSize
                ? Uni.createFrom().item(n)
                : step(step, now).map(more -> n + more));
    }

    private Uni<Integer> move(Tx conn, Step step, Instant now) {
        OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
        // the state changes when the rule says (expiry, expiry + grace, ...), recorded as such
        String sql = """
                with due as (
                    select id from subscription
                    where status = $1 and expires_at is not null and expires_at <= $3
                    order by expires_at, id limit $5 for update skip locked),
                moved as (
                    update subscription s set status = $2, %s = s.expires_at + $6::text::interval,
                        auto_renew = case when $2 = 'RELEASED' then false else s.auto_renew end,
                        version = s.version + 1
                    from due where s.id = due.id and s.status = $1
                    returning s.id, s.account_id, s.product_id, s.expires_at, s.ecs_id),
                logged as (
                    insert into subscription_event (subscription_id, at, actor_role, kind, from_status, to_status, note)
                    select id, $4::timestamptz, 'system', $2, $1, $2, 'expired ' || to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'
                    from moved)
                select m.id, m.account_id, m.expires_at, m.ecs_id, p.name
                from moved m join product p on p.id = m.product_id""".formatted(step.stampColumn());
        return conn.preparedQuery(sql)
                .execute(Tuple.tuple().addValue(step.from().name()).addValue(step.to().name())
                        .addValue(ts.minus(step.after())).addValue(ts).addValue(batchSize)
                        .addValue(interval(step.after())))
                .chain(rows -> {
                    List<Row> moved = new ArrayList<>();
                    rows.forEach(moved::add);
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Row r : moved) {
                        chain = chain.chain(() -> tell(conn, step, r));
                        if (step.to() == Subscription.Status.RELEASED) {
                            chain = chain.chain(() -> ended(conn, r.getUUID("id"), r.getString("ecs_id")));
                        }
                    }
                    return chain.replaceWith(moved.size());
                });
    }

    static String interval(Duration d) {
        return d.toSeconds() + " seconds";
    }

    private Uni<Void> tell(Tx conn, Step step, Row r) {
        String name = r.getString("name");
        OffsetDateTime expired = r.getOffsetDateTime("expires_at");
        OffsetDateTime retentionAt = expired.plus(grace);
        OffsetDateTime releaseAt = retentionAt.plus(retention);
        String title;
        String body;
        switch (step.to()) {
            case GRACE -> {
                title = "Expired: " + name;
                body = name + " expired on " + expired.toLocalDate() + " and is in its grace period until "
                        + retentionAt.toLocalDate() + ". Renew it to keep using it; a renewal starts from the "
                        + "original expiry.";
            }
            case RETENTION -> {
                title = "In retention: " + name;
                body = name + " is no longer usable; its data is kept until " + releaseAt.toLocalDate()
                        + ". Renew it before then, or it is released.";
            }
            default -> {
                title = "Released: " + name;
                body = name + " was released " + grace.plus(retention).toDays() + " days after it expired on "
                        + expired.toLocalDate() + ". It can no longer be renewed.";
            }
        }
        return notifications.notify(conn, r.getUUID("account_id"), "APP_" + step.to().name(), title, body,
                "/apps/" + r.getUUID("id"), Set.of(Channel.EMAIL)).replaceWithVoid();
    }

    private Uni<Void> ended(Tx conn, UUID id, String ecsId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SubscriptionEnded hook : endHooks) {
            chain = chain.chain(() -> hook.ended(conn, id, Subscription.Status.RELEASED, ecsId));
        }
        return chain;
    }
}
