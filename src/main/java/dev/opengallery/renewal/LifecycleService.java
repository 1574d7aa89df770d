package dev.opengallery.renewal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.opengallery.apps.AppStatus;
import dev.opengallery.core.Db;
import dev.opengallery.apps.Subscription;
import dev.opengallery.apps.SubscriptionEnded;
import dev.opengallery.apps.SubscriptionExpiry;
import dev.opengallery.apps.SubscriptionRules;
import dev.opengallery.core.AppClock;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import io.smallrye.mutiny.Uni;
import dev.opengallery.core.Tx;

/**
 * The expiry lifecycle of yearly/monthly apps: ACTIVE becomes GRACE at its expiry, RETENTION after the grace period
 * (15 days), RELEASED after the retention period (15 more); the buyer is told at each step. Each step is one
 * set-based statement that claims its rows with SKIP LOCKED and re-checks the state in its UPDATE, so the job is
 * idempotent and several replicas may run it at once; after downtime one run catches up every step.
 */
@ApplicationScoped
public class LifecycleService {

    @Inject
    Db db;

    @Inject
    Notifications notifications;

    @Inject
    AppClock clock;

    @Inject
    Instance<SubscriptionEnded> endHooks;

    @Inject
    RenewalConfig config;

    @Inject
    SubscriptionExpiry lifecycle;

    /** Runs the three steps in order; answers how many subscriptions moved. */
    public Uni<Integer> run() {
        Instant now = clock.now();
        return step(SubscriptionRules.Expiry.GRACE, now).chain(a -> step(SubscriptionRules.Expiry.RETENTION, now)
                .chain(b -> step(SubscriptionRules.Expiry.RELEASED, now).map(c -> a + b + c)));
    }

    /** One step, repeated batch by batch until nothing is due. */
    private Uni<Integer> step(SubscriptionRules.Expiry step, Instant now) {
        return db.transaction(conn -> move(conn, step, now)).chain(n -> n < config.batchSize()
                ? Uni.createFrom().item(n)
                : step(step, now).map(more -> n + more));
    }

    private Uni<Integer> move(Tx conn, SubscriptionRules.Expiry step, Instant now) {
        return lifecycle.expire(conn, step, step.after(config.gracePeriod(), config.retentionPeriod()), now, config.batchSize()).chain(moved -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SubscriptionExpiry.Moved m : moved) {
                chain = chain.chain(() -> tell(conn, step, m));
                if (step.to == AppStatus.RELEASED) {
                    chain = chain.chain(() -> ended(conn, m.id(), m.ecsId()));
                }
            }
            return chain.replaceWith(moved.size());
        });
    }

    private Uni<Void> tell(Tx conn, SubscriptionRules.Expiry step, SubscriptionExpiry.Moved m) {
        String name = m.productName();
        OffsetDateTime expired = m.expiresAt();
        OffsetDateTime retentionAt = expired.plus(config.gracePeriod());
        OffsetDateTime releaseAt = retentionAt.plus(config.retentionPeriod());
        String title;
        String body;
        switch (step.to) {
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
                body = name + " was released " + config.gracePeriod().plus(config.retentionPeriod()).toDays() + " days after it expired on "
                        + expired.toLocalDate() + ". It can no longer be renewed.";
            }
        }
        return notifications.notify(conn, m.accountId(), "APP_" + step.to.name(), title, body,
                "/apps/" + m.id(), Set.of(Channel.EMAIL)).replaceWithVoid();
    }

    private Uni<Void> ended(Tx conn, UUID id, String ecsId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SubscriptionEnded hook : endHooks) {
            chain = chain.chain(() -> hook.ended(conn, id, AppStatus.RELEASED, ecsId));
        }
        return chain;
    }
}
