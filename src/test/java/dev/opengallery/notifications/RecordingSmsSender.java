package dev.opengallery.notifications;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;

/**
 * The SMS gateway in tests: records every message it accepts, and refuses (fails) messages to the numbers a
 * test names with {@link #refuse}, as a gateway that rejects a recipient would.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingSmsSender implements SmsSender {

    public record Sms(String recipient, String text) {
    }

    // tests reach this bean through its client proxy: use the methods, never the fields
    private final List<Sms> sent = new CopyOnWriteArrayList<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    @Override
    public Uni<Void> send(String recipient, String text) {
        if (refused.contains(recipient)) {
            return Uni.createFrom().failure(new IllegalStateException("gateway refused " + recipient));
        }
        sent.add(new Sms(recipient, text));
        return Uni.createFrom().voidItem();
    }

    /** From now on, messages to this number fail. */
    void refuse(String recipient) {
        refused.add(recipient);
    }

    void accept(String recipient) {
        refused.remove(recipient);
    }

    void acceptAll() {
        refused.clear();
    }

    List<Sms> sentTo(String recipient) {
        return sent.stream().filter(s -> s.recipient().equals(recipient)).toList();
    }
}
