package dev.opengallery.notifications;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
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

    @Inject
    SmtpConfig smtp;

    private final ConcurrentLinkedQueue<Email> sent = new ConcurrentLinkedQueue<>();
    private volatile MailClient client;

    public Uni<Void> send(String to, String subject, String text) {
        if (to == null || !ADDRESS.matcher(to).matches()) {
            return Uni.createFrom().failure(new IllegalArgumentException("not an e-mail address: " + to));
        }
        if (smtp.mock()) {
            sent.add(new Email(smtp.from(), to, subject, text));
            LOG.infof("Mock mail to %s: %s", to, subject);
            return Uni.createFrom().voidItem();
        }
        MailMessage message = new MailMessage().setFrom(smtp.from()).setTo(to).setSubject(subject).setText(text);
        return client().sendMail(message).replaceWithVoid();
    }

    private MailClient client() {
        MailClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    MailConfig config = new MailConfig().setHostname(smtp.host()).setPort(smtp.port())
                            .setStarttls(smtp.startTls()).setSsl(smtp.ssl());
                    smtp.username().ifPresent(config::setUsername);
                    smtp.password().ifPresent(config::setPassword);
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
