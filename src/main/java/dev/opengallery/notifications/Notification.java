package dev.opengallery.notifications;

import static dev.opengallery.core.Times.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.opengallery.core.ProblemException;
import dev.opengallery.notifications.InboxResource.NotificationView;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * One entry of an account's inbox (Hibernate Reactive Panache entity). What it says is fixed when it is written
 * ({@link Notifications}, set-based: a job notifies many accounts in one statement, with their deliveries); the only
 * change it knows is being read, once ({@link #markRead}). Marking every unread entry read at once is one statement
 * ({@link Inbox#markAllRead}).
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "account_id", updatable = false)
    UUID accountId;

    @Column(name = "kind", updatable = false, columnDefinition = "text")
    String kind;

    @Column(name = "title", updatable = false, columnDefinition = "text")
    String title;

    @Column(name = "body", updatable = false, columnDefinition = "text")
    String body;

    @Column(name = "link", updatable = false, columnDefinition = "text")
    String link;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "read_at")
    OffsetDateTime readAt;

    protected Notification() {
    }

    /** The account's own notification; another account's, or none, is 404 (whose it is is not told). */
    static Uni<Notification> owned(UUID id, UUID accountId) {
        return Notification.<Notification> find("id = ?1 and accountId = ?2", id, accountId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Notification"));
    }

    /** Read now; reading it again keeps the first time. */
    void markRead(Instant now) {
        if (readAt == null) {
            readAt = ts(now);
        }
    }

    NotificationView view() {
        return new NotificationView(id, kind, title, body, link, createdAt, readAt, readAt != null);
    }
}
