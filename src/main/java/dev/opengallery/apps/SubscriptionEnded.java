package dev.opengallery.apps;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import dev.opengallery.core.Tx;

/**
 * Something that must happen when a purchased app ends — unsubscribed by its buyer or RELEASED after retention —
 * in that change's own transaction (telling the compute service to release an image's ECS through an outbox, for
 * instance). Implement it as a CDI bean; every implementation is called.
 */
public interface SubscriptionEnded {

    Uni<Void> ended(Tx conn, UUID subscriptionId, AppStatus status, String ecsId);
}
