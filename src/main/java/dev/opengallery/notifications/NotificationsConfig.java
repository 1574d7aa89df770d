package dev.opengallery.notifications;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The notification outbox ({@code opengallery.notifications.*}). Its schedule ({@code delivery-every}) is read by
 * the job's {@code @Scheduled} expression; it is declared here so that the mapping knows it.
 */
@ConfigMapping(prefix = "opengallery.notifications")
public interface NotificationsConfig {

    /** Deliveries sent per batch (and by an operator's run by default). */
    @WithDefault("50")
    int batchSize();

    /** Attempts after which a delivery is FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** How long one e-mail or text message may take to send. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Prefixed to links that are paths (start with "/") in e-mails and text messages. */
    Optional<String> linkBaseUrl();

    /** The delivery job's schedule, as its {@code @Scheduled} expression reads it ({@code off}: never). */
    @WithDefault("10s")
    String deliveryEvery();
}
