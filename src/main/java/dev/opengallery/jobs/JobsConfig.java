package dev.opengallery.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the time rules are triggered ({@link JobTrigger}): {@code internal} or {@code external}. */
@ConfigMapping(prefix = "opengallery.jobs")
public interface JobsConfig {

    @WithDefault(JobTrigger.INTERNAL)
    String trigger();

    /** Something outside runs the jobs (the service may be scaled to zero between runs). */
    default boolean external() {
        return JobTrigger.EXTERNAL.equals(trigger().trim());
    }
}
