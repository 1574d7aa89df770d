package dev.opengallery.jobs;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * How the time rules are triggered ({@code opengallery.jobs.trigger}): {@code internal}, the service's own timers
 * (the default); or {@code external}, for a service that scales to zero, where the timers are off
 * ({@code quarkus.scheduler.enabled=false}) and something outside calls {@code POST /api/operator/jobs/{name}/run}
 * on a schedule (the Helm chart's CronJobs, with a token of the {@code scheduler} role). An explicit
 * {@code quarkus.scheduler.enabled} (an environment variable, say) still wins.
 */
public class JobTrigger implements ConfigSourceFactory {

    public static final String PROPERTY = "opengallery.jobs.trigger";

    public static final String INTERNAL = "internal";

    public static final String EXTERNAL = "external";

    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(PROPERTY);
        String trigger = value == null || value.getValue() == null ? INTERNAL : value.getValue().trim();
        if (!trigger.equals(INTERNAL) && !trigger.equals(EXTERNAL)) {
            throw new IllegalArgumentException(PROPERTY + " must be \"" + INTERNAL + "\" or \"" + EXTERNAL
                    + "\", got \"" + trigger + "\"");
        }
        if (trigger.equals(INTERNAL)) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of("quarkus.scheduler.enabled", "false"),
                "opengallery.jobs.trigger=external", ORDINAL));
    }
}
