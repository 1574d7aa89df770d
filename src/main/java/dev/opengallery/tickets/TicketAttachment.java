package dev.opengallery.tickets;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.opengallery.supervision.StoredFile;
import dev.opengallery.supervision.Upload;

/** A file sent with a ticket message: metadata and bytes. Part of the {@link Ticket} aggregate; never changed. */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment extends StoredFile {

    @Column(name = "ticket_id", nullable = false, updatable = false)
    UUID ticketId;

    @Column(name = "message_id", nullable = false, updatable = false)
    UUID messageId;

    protected TicketAttachment() {
    }

    TicketAttachment(UUID ticketId, UUID messageId, UUID uploadedBy, int position, Upload upload, OffsetDateTime at) {
        super(uploadedBy, position, upload, at);
        this.ticketId = ticketId;
        this.messageId = messageId;
    }
}
