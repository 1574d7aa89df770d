package dev.opengallery.notifications;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * The default {@link SmsSender} until an SMS gateway adapter exists: writes recipient and text to the log at
 * INFO (logger {@code dev.opengallery.notifications.LoggingSmsSender}) and reports success.
 */
@ApplicationScoped
@DefaultBean
public class LoggingSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(LoggingSmsSender.class);

    @Override
    public Uni<Void> send(String recipient, String text) {
        LOG.infof("SMS to %s: %s", recipient, text);
        return Uni.createFrom().voidItem();
    }
}
