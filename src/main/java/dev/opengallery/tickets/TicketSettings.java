package dev.opengallery.tickets;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Service tickets' configuration, {@code opengallery.tickets.*} (durations against the service's clock). Attachments
 * follow {@code opengallery.supervision.attachments.*}.
 */
@ConfigMapping(prefix = "opengallery.tickets")
public interface TicketSettings {

    /** A resolved ticket may be reopened (or replied to) by its buyer within this many days; then it closes. */
    @WithDefault("7")
    int reopenDays();

    /** A ticket awaiting an operator's answer this long is overdue. */
    @WithDefault("24H")
    Duration answerWithin();

    /** How often the service-level job runs ("off" stops the timer), read by its {@code @Scheduled} expression. */
    @WithDefault("15m")
    String serviceLevelJobEvery();

    /** Rows one job statement handles; a run repeats until fewer are due. */
    @WithDefault("1000")
    int jobBatchSize();

    default Duration reopenWithin() {
        return Duration.ofDays(Math.max(0, reopenDays()));
    }

    default int batch() {
        return Math.max(1, jobBatchSize());
    }
}
