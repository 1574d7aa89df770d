package dev.opengallery.metering;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.apps.AppStatus;
import dev.opengallery.apps.Subscription;
import dev.opengallery.apps.SubscriptionEnded;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Times;
import dev.opengallery.jobs.Outbox;
import io.smallrye.mutiny.Uni;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An image subscription that ends (unsubscribed, or RELEASED after its retention period) queues a RELEASE event for
 * its ECS in the compute-event outbox, in the same transaction as the change, so the compute service deletes the
 * ECS (delivered by {@link ComputeEventOutbox}, at least once, after any earlier event of that ECS). Subscriptions
 * without an ECS (SaaS, licenses, services) queue nothing.
 */
@ApplicationScoped
public class EcsRelease implements SubscriptionEnded {

    @Inject
    AppClock clock;

    @Inject
    ComputeEventOutbox outbox;

    @Override
    public Uni<Void> ended(Tx conn, UUID subscriptionId, AppStatus status, String ecsId) {
        if (ecsId == null) {
            return Uni.createFrom().voidItem();
        }
        String reason = status == AppStatus.UNSUBSCRIBED ? "Image subscription unsubscribed by the buyer"
                : "Image subscription released after its retention period";
        return conn.preparedQuery("""
                insert into metering_outbox (id, ecs_id, account_id, type, reason, created_at, status, next_attempt_at)
                select gen_random_uuid(), s.ecs_id, s.account_id, 'RELEASE', $2, $3, '{PENDING}', $3
                from subscription s where s.id = $1""".replace("{PENDING}", Outbox.Status.PENDING.name()))
                .execute(Tuple.of(subscriptionId, reason, Times.ts(clock.now())))
                .invoke(() -> outbox.sendAfterCommit(conn)).replaceWithVoid();
    }
}
