package dev.opengallery.notifications;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.mailer.SentMail;

/**
 * Every mail the mailer sends (it fires {@link SentMail}, in mock mode too), collected thread-safely: the mock
 * mailbox is a plain map, so concurrent senders are counted here.
 */
@ApplicationScoped
public class SentMails {

    private final ConcurrentLinkedQueue<SentMail> mails = new ConcurrentLinkedQueue<>();

    void onSent(@Observes SentMail mail) {
        mails.add(mail);
    }

    List<SentMail> to(String address) {
        return mails.stream().filter(m -> m.to().contains(address)).toList();
    }
}
