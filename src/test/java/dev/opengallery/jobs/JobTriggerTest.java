package dev.opengallery.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** {@code opengallery.jobs.trigger}: external turns the service's own timers off; an explicit setting still wins. */
class JobTriggerTest {

    private static SmallRyeConfig config(Map<String, String> application, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new JobTrigger()).build();
    }

    private static Optional<Boolean> schedulerEnabled(SmallRyeConfig config) {
        return config.getOptionalValue("quarkus.scheduler.enabled", Boolean.class);
    }

    @Test
    void internalByDefaultLeavesTheSchedulerAlone() {
        assertEquals(Optional.empty(), schedulerEnabled(config(Map.of(), Map.of())));
        assertEquals(Optional.empty(),
                schedulerEnabled(config(Map.of(JobTrigger.PROPERTY, "internal"), Map.of())));
    }

    @Test
    void externalTurnsTheTimersOff() {
        assertFalse(schedulerEnabled(config(Map.of(JobTrigger.PROPERTY, "external"), Map.of())).orElseThrow());
        // as the Helm chart sets it: an environment variable
        assertFalse(schedulerEnabled(config(Map.of(), Map.of("OPENGALLERY_JOBS_TRIGGER", "external")))
                .orElseThrow());
    }

    @Test
    void anExplicitSchedulerSettingWins() {
        assertTrue(schedulerEnabled(config(Map.of(JobTrigger.PROPERTY, "external"),
                Map.of("QUARKUS_SCHEDULER_ENABLED", "true"))).orElseThrow());
    }

    @Test
    void anUnknownTriggerIsRefusedAtStart() {
        Exception e = assertThrows(Exception.class,
                () -> config(Map.of(JobTrigger.PROPERTY, "cron"), Map.of()));
        assertTrue(String.valueOf(e.getMessage()).contains("opengallery.jobs.trigger must be"), e.getMessage());
    }
}
