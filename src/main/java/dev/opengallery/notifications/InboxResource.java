package dev.opengallery.notifications;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.opengallery.core.CurrentAccount;
import dev.opengallery.core.Params;
import dev.opengallery.core.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The in-app inbox: every account's notifications, whatever its role. */
@Path("/api/inbox")
@Authenticated
@Tag(name = "Inbox")
public class InboxResource {

    @Inject
    CurrentAccount account;

    @Inject
    Inbox inbox;

    @Schema(name = "Notification")
    public record NotificationView(
            UUID id,
            @Schema(description = "What happened, machine-readable", example = "ORDER_PAID") String kind,
            @Schema(example = "Order paid") String title,
            @Schema(description = "Plain text", example = "Your order for CloudCRM Suite (Team, 10 users) is paid.") String body,
            @Schema(description = "Where it leads in the app, if anywhere", example = "/orders/5b0f0cc3-8f9e-4c44-9d33-0a7a4a0e3b6e") String link,
            OffsetDateTime createdAt,
            @Schema(description = "When you marked it read; null while unread") OffsetDateTime readAt,
            boolean read) {
    }

    @Schema(name = "Inbox", description = "One page of your notifications, newest first")
    public record InboxPage(
            List<NotificationView> items,
            @Schema(description = "Number of notifications matching the filter", example = "12") long total,
            @Schema(description = "Number of your unread notifications, whatever the filter", example = "3") long unreadCount,
            @Schema(description = "Page number, from 0", example = "0") int page,
            @Schema(description = "Page size", example = "20") int size) {
    }

    @Schema(name = "ReadAll")
    public record ReadAll(@Schema(description = "How many notifications this marked read", example = "3") long marked) {
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "Your notifications", description = "Newest first; "
            + "?unread=true lists only unread ones. "
            + "unreadCount is the number of unread notifications (for a badge).")
    public Uni<InboxPage> list(@RestQuery String unread, @RestQuery Integer page, @RestQuery Integer size) {
        boolean onlyUnread = bool("unread", unread);
        int p = Params.page(page);
        int n = Params.size(size);
        return account.id().chain(me -> inbox.page(me, onlyUnread, p, n));
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark a notification read", description = "Marking "
            + "it again keeps the first time it was read.")
    public Uni<NotificationView> read(@RestPath UUID id) {
        return account.id().chain(me -> inbox.markRead(me, id));
    }

    @POST
    @Path("/read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all your notifications read",
            description = "Marks every unread notification of yours read now and answers how many it marked (0 when "
                    + "none were unread).")
    public Uni<ReadAll> readAll() {
        return account.id().chain(inbox::markAllRead).map(ReadAll::new);
    }

    /** A boolean query parameter: absent is false; anything but true/false answers 400 naming it. */
    static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }
}
