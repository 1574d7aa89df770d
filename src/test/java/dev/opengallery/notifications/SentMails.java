package dev.opengallery.notifications;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Every mail the (mock) e-mail sender has sent, as the tests read them. */
@ApplicationScoped
public class SentMails {

    @jakarta.inject.Inject
    EmailSender sender;

    List<EmailSender.Email> to(String address) {
        return sender.sentTo(address);
    }
}
