package dev.opengallery.ordering;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The compute service ({@code opengallery.compute.*}): where ECSs are created, and where their events go. */
@ConfigMapping(prefix = "opengallery.compute")
public interface ComputeConfig {

    /** The compute service's API; unset: ECS orders are refused. */
    Optional<String> url();

    /** Where SUSPEND/RESUME/RELEASE events are POSTed; unset: they wait in the outbox. */
    Optional<String> eventsUrl();

    /** How long one call to the compute service may take. */
    @WithDefault("10s")
    Duration timeout();
}
