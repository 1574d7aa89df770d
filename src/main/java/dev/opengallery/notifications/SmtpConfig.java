package dev.opengallery.notifications;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.ext.mail.StartTLSOptions;

/** E-mail through SMTP ({@code opengallery.mail.*}, env {@code OPENGALLERY_MAIL_*}). */
@ConfigMapping(prefix = "opengallery.mail")
public interface SmtpConfig {

    /** Keep mails in memory and log them (dev, tests) instead of sending them. */
    @WithDefault("false")
    boolean mock();

    @WithDefault("OpenGallery <no-reply@opengallery.dev>")
    String from();

    @WithDefault("localhost")
    String host();

    @WithDefault("25")
    int port();

    Optional<String> username();

    Optional<String> password();

    /** DISABLED, OPTIONAL or REQUIRED. */
    @WithDefault("OPTIONAL")
    StartTLSOptions startTls();

    @WithDefault("false")
    boolean ssl();
}
