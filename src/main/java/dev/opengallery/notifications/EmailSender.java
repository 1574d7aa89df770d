package dev.opengallery.notifications;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;

/**
 * Sends e-mail over SMTP with the Vert.x mail client (the client quarkus-mailer wraps; that extension is not
 * used because its template engine pulls a dev-mode artifact this project's package registry does not serve).
 * With {@code opengallery.mail.mock=true} (dev and tests) nothing leaves the process: mails are kept in memory,
 * readable with {@link #sentTo(String)}, and their subject is logged.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

    /** A mail as sent (kept in mock mode). */
    public record Email(String from, String to, String subject, String text) {
    }

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "opengallery.mail.mock", defaultValue = "false")
    boolean mock;

    @ConfigProperty(name = "opengallery.mail.from", defaultValue = "OpenGallery <no-reply@opengallery.dev>")
    String from;

    @ConfigProperty(name = "opengallery.mail.host", defaultValue = "localhost")
    String host;

    @ConfigProperty(name = "opengallery.mail.port", defaultValue = "25")
    int port;

    @ConfigProperty(name = "opengallery.mail.username")
    Optional<String> username;

    @ConfigProperty(name = "opengallery.mail.password")
    Optional<String> password;

    @ConfigProperty(name = "opengallery.mail.start-tls", defaultValue = "OPTIONAL")
    StartTLSOptions startTls;

    @ConfigProperty(name = "opengallery.mail.ssl", defaultValue = "false")
    boolean ssl;

    private final ConcurrentLinkedQueue<Email> sent = new ConcurrentLinkedQueue<>();
    private volatile MailClient client;

    public Uni<Void> send(String to, String subject, String text) {
        if (to == null || !ADDRESS.matcher(to).matches()) {
            return Uni.createFrom().failure(new IllegalArgumentException("not an e-mail address: " + to));
        }
        if (mock) {
            sent.add(new Email(from, to, subject, text));
            LOG.infof("Mock mail to %s: %s", to, subject);
            return Uni.createFrom().voidItem();
        }
        MailMessage message = new MailMessage().setFrom(from).setTo(to).setSubject(subject).setText(text);
        return client().sendMail(message).replaceWithVoid();
    }

    private MailClient client() {
        MailClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    MailConfig config = new MailConfig().setHostname(host).setPort(port).setStarttls(startTls)
                            .setSsl(ssl);
                    username.ifPresent(config::setUsername);
                    password.ifPresent(config::setPassword);
                    client = MailClient.createShared(vertx, config, "opengallery");
                }
                c = client;
            }
        }
        return c;
    }

    /** Mock mode: the mails sent to an address, oldest first. */
    public List<Email> sentTo(String address) {
        return sent.stream().filter(m -> m.to().equals(address)).toList();
    }

    /** Mock mode: forgets the mails sent so far. */
    public void clear() {
        sent.clear();
    }
}
