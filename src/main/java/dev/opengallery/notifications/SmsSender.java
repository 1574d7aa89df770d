package dev.opengallery.notifications;

import io.smallrye.mutiny.Uni;

/**
 * Sends one text message. The service ships {@link LoggingSmsSender} (writes the message to the log); a real
 * SMS gateway is an adapter implementing this interface: an ordinary {@code @ApplicationScoped} bean replaces
 * the default one, and an {@code @Alternative @Priority(..)} bean replaces any other.
 *
 * <p>Implementations must not block the calling (event loop) thread: use a non-blocking client, or move
 * blocking work to a worker pool (e.g. {@code runSubscriptionOn(Infrastructure.getDefaultWorkerPool())}). A
 * failed {@link Uni} makes the delivery job retry with backoff; the failure's message is stored as the
 * delivery's {@code last_error}, so it must not contain credentials.
 */
public interface SmsSender {

    /**
     * @param recipient the mobile number as stored on the account (E.164 expected, e.g. {@code +4915112345678})
     * @param text plain text
     */
    Uni<Void> send(String recipient, String text);
}
