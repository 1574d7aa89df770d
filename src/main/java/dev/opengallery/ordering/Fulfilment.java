package dev.opengallery.ordering;

import java.time.Instant;
import java.util.UUID;

import dev.opengallery.core.Tx;
import io.smallrye.mutiny.Uni;

/**
 * What a paid order opens in the features above ordering, and what follows it when the order completes or is
 * canceled. Ordering decides when (its state machine); the features that own the tables decide how: the purchased
 * app is written by apps, the service flow by supervision. They implement these interfaces (CDI beans), so ordering
 * never imports them and every table keeps one writer. All run in the caller's transaction.
 */
public final class Fulfilment {

    private Fulfilment() {
    }

    /** The purchased app (subscription) of an order: implemented by apps. */
    public interface PurchasedApps {

        /** Opens the order's purchased app from {@code start}; {@code visible} false hides it until supervision ends. */
        Uni<Void> open(Tx tx, OrderView order, Instant start, boolean visible, String ecsId);

        /** The order was canceled: its purchased app ends. */
        Uni<Void> cancel(Tx tx, UUID orderId);

        /** Supervision of the order completed: its purchased app is listed from now on. */
        Uni<Void> show(Tx tx, UUID orderId);
    }

    /** The supervised delivery of an order: implemented by supervision. */
    public interface ServiceFlows {

        /** Opens the order's service flow (sellers of licenses act first, other products wait for the request). */
        Uni<Void> open(Tx tx, OrderView order, Instant now);
    }
}
