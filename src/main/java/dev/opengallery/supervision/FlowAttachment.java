package dev.opengallery.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A file sent with a request or a delivery: its metadata and its bytes, stored with the {@link FlowOperation} that
 * carried it. Part of the {@link ServiceFlow} aggregate; written once, never changed. Listings read the metadata
 * only ({@link FlowQueries}); the bytes are read for a download.
 */
@Entity
@Table(name = "flow_attachment")
public class FlowAttachment extends StoredFile {

    @Column(name = "flow_id", nullable = false, updatable = false)
    UUID flowId;

    @Column(name = "operation_id", nullable = false, updatable = false)
    UUID operationId;

    protected FlowAttachment() {
    }

    FlowAttachment(UUID flowId, UUID operationId, UUID uploadedBy, int position, Upload upload, OffsetDateTime at) {
        super(uploadedBy, position, upload, at);
        this.flowId = flowId;
        this.operationId = operationId;
    }
}
