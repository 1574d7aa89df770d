package dev.opengallery.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A file sent with a request or a delivery: its metadata and its bytes, stored with the {@link FlowOperation} that
 * carried it. Part of the {@link ServiceFlow} aggregate; written once, never changed. Listings read the metadata
 * only ({@link FlowQueries}); the bytes are read for a download.
 */
@Entity
@Table(name = "flow_attachment")
public class FlowAttachment extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "flow_id", nullable = false, updatable = false)
    UUID flowId;

    @Column(name = "operation_id", nullable = false, updatable = false)
    UUID operationId;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    UUID uploadedBy;

    @Column(name = "file_name", nullable = false, updatable = false)
    String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    long sizeBytes;

    /** The order in which the files were sent. */
    @Column(name = "position", nullable = false, updatable = false)
    int position;

    @Column(name = "data", nullable = false, updatable = false, columnDefinition = "bytea")
    byte[] data;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    protected FlowAttachment() {
    }

    FlowAttachment(UUID flowId, UUID operationId, UUID uploadedBy, int position, Upload upload, OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.flowId = flowId;
        this.operationId = operationId;
        this.uploadedBy = uploadedBy;
        this.position = position;
        this.fileName = upload.fileName();
        this.contentType = upload.contentType();
        this.sizeBytes = upload.data().length;
        this.data = upload.data();
        this.createdAt = at;
    }
}
