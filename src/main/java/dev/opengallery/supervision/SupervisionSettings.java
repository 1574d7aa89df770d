package dev.opengallery.supervision;

import java.time.Duration;
import java.util.List;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Service supervision's configuration, {@code opengallery.supervision.*} (durations are read against
 * {@link dev.opengallery.core.AppClock}). The jobs' {@code *-job-every} properties are read by their
 * {@code @Scheduled} expressions.
 */
@ConfigMapping(prefix = "opengallery.supervision")
public interface SupervisionSettings {

    /** A party may appeal when the other has been silent on its turn for more than this. */
    @WithDefault("5D")
    Duration appealAfter();

    /** An accepted flow and its order complete this long after acceptance. */
    @WithDefault("3H")
    Duration completeAfter();

    /** A flow still in progress this long after payment is closed (invoice requested) or canceled. */
    @WithDefault("365D")
    Duration autoCloseAfter();

    /** At most one reminder per flow within this period. */
    @WithDefault("24H")
    Duration reminderInterval();

    /** Rows one job transaction claims; a run repeats until fewer are due (as set; see {@link #jobBatchSize}). */
    @WithName("job-batch-size")
    @WithDefault("2000")
    int configuredJobBatchSize();

    /*
     * How often the three jobs run ("off" stops the timer), read by their @Scheduled expressions in
     * SupervisionJobs; mapped here so that the whole opengallery.supervision namespace is one mapping.
     */

    @WithDefault("15m")
    String appealableJobEvery();

    @WithDefault("5m")
    String completionJobEvery();

    @WithDefault("24h")
    String autoCloseJobEvery();

    /** Limits of the files sent with a request or a delivery. */
    AttachmentLimits attachments();

    interface AttachmentLimits {

        @WithDefault("3M")
        MemorySize maxSize();

        @WithDefault("3")
        int maxCount();

        @WithDefault("application/pdf,image/png,image/jpeg,text/plain,text/csv,application/zip,application/msword,"
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.ms-excel,"
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        List<String> allowedTypes();
    }

    /** Rows one job transaction claims, at least one. */
    default int jobBatchSize() {
        return Math.max(1, configuredJobBatchSize());
    }

    default long attachmentMaxBytes() {
        return attachments().maxSize().asLongValue();
    }

    default int attachmentMaxCount() {
        return attachments().maxCount();
    }

    /** The allowed content types, trimmed and lower case. */
    default List<String> attachmentTypes() {
        return attachments().allowedTypes().stream().map(t -> t.trim().toLowerCase()).filter(t -> !t.isEmpty())
                .toList();
    }
}
