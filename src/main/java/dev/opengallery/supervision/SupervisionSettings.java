package dev.opengallery.supervision;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;

/** Service supervision's configuration (durations are read against {@link dev.opengallery.core.AppClock}). */
@ApplicationScoped
public class SupervisionSettings {

    /** A party may appeal when the other has been silent on its turn for more than this. */
    @ConfigProperty(name = "opengallery.supervision.appeal-after", defaultValue = "5D")
    Duration appealAfter;

    /** An accepted flow and its order complete this long after acceptance. */
    @ConfigProperty(name = "opengallery.supervision.complete-after", defaultValue = "3H")
    Duration completeAfter;

    /** A flow still in progress this long after payment is closed (invoice requested) or canceled. */
    @ConfigProperty(name = "opengallery.supervision.auto-close-after", defaultValue = "365D")
    Duration autoCloseAfter;

    /** At most one reminder per flow within this period. */
    @ConfigProperty(name = "opengallery.supervision.reminder-interval", defaultValue = "24H")
    Duration reminderInterval;

    /** Rows one job transaction claims; a run repeats until fewer are due. */
    @ConfigProperty(name = "opengallery.supervision.job-batch-size", defaultValue = "2000")
    int jobBatchSize;

    @ConfigProperty(name = "opengallery.supervision.attachments.max-size", defaultValue = "3M")
    MemorySize attachmentMaxSize;

    @ConfigProperty(name = "opengallery.supervision.attachments.max-count", defaultValue = "3")
    int attachmentMaxCount;

    @ConfigProperty(name = "opengallery.supervision.attachments.allowed-types", defaultValue = "application/pdf,"
            + "image/png,image/jpeg,text/plain,text/csv,application/zip,application/msword,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.ms-excel,"
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    List<String> attachmentTypes;

    public Duration appealAfter() {
        return appealAfter;
    }

    public Duration completeAfter() {
        return completeAfter;
    }

    public Duration autoCloseAfter() {
        return autoCloseAfter;
    }

    public Duration reminderInterval() {
        return reminderInterval;
    }

    public int jobBatchSize() {
        return Math.max(1, jobBatchSize);
    }

    public long attachmentMaxBytes() {
        return attachmentMaxSize.asLongValue();
    }

    public int attachmentMaxCount() {
        return attachmentMaxCount;
    }

    public List<String> attachmentTypes() {
        return attachmentTypes.stream().map(t -> t.trim().toLowerCase()).filter(t -> !t.isEmpty()).toList();
    }
}
