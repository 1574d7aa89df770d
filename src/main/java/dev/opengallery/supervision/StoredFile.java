package dev.opengallery.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A checked {@link Upload} as it is stored (bytea): the columns every attachment table has. A flow's
 * ({@link FlowAttachment}) and a ticket's ({@code tickets.TicketAttachment}) add only what they belong to. Written
 * once, never changed.
 */
@MappedSuperclass
public abstract class StoredFile extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    protected UUID id;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    protected UUID uploadedBy;

    @Column(name = "file_name", nullable = false, updatable = false)
    protected String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    protected String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    protected long sizeBytes;

    /** The order in which the files were sent. */
    @Column(name = "position", nullable = false, updatable = false)
    protected int position;

    @Column(name = "data", nullable = false, updatable = false, columnDefinition = "bytea")
    protected byte[] data;

    @Column(name = "created_at", nullable = false, updatable = false)
    protected OffsetDateTime createdAt;

    protected StoredFile() {
    }

    protected StoredFile(UUID uploadedBy, int position, Upload upload, OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.uploadedBy = uploadedBy;
        this.position = position;
        this.fileName = upload.fileName();
        this.contentType = upload.contentType();
        this.sizeBytes = upload.data().length;
        this.data = upload.data();
        this.createdAt = at;
    }
}
