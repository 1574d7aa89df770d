package dev.opengallery.tickets;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.opengallery.supervision.Upload;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A file sent with a ticket message: metadata and bytes. Part of the {@link Ticket} aggregate; never changed. */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    UUID ticketId;

    @Column(name = "message_id", nullable = false, updatable = false)
    UUID messageId;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    UUID uploadedBy;

    @Column(name = "file_name", nullable = false, updatable = false)
    String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    long sizeBytes;

    @Column(name = "position", nullable = false, updatable = false)
    int position;

    @Column(name = "data", nullable = false, updatable = false, columnDefinition = "bytea")
    byte[] data;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    protected TicketAttachment() {
    }

    TicketAttachment(UUID ticketId, UUID messageId, UUID uploadedBy, int position, Upload upload, OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.messageId = messageId;
        this.uploadedBy = uploadedBy;
        this.position = position;
        this.fileName = upload.fileName();
        this.contentType = upload.contentType();
        this.sizeBytes = upload.data().length;
        this.data = upload.data();
        this.createdAt = at;
    }
}
