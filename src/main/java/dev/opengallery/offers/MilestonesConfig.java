package dev.opengallery.offers;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Milestone bills ({@code opengallery.milestones.*}). */
@ConfigMapping(prefix = "opengallery.milestones")
public interface MilestonesConfig {

    /** How long after it is generated a milestone bill becomes overdue. */
    @WithDefault("30D")
    Duration dueAfter();

    /** The overdue job's schedule, as its {@code @Scheduled} expression reads it ({@code off}: never). */
    @WithDefault("1h")
    String overdueJobEvery();
}
