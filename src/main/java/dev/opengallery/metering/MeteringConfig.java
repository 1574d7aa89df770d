package dev.opengallery.metering;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Pay-per-use billing ({@code opengallery.metering.*}). The schedules ({@code billing-every}, {@code outbox-every})
 * are read by the jobs' {@code @Scheduled} expressions; they are declared here so that the mapping knows them.
 */
@ConfigMapping(prefix = "opengallery.metering")
public interface MeteringConfig {

    /** The first hour ever billed; unset: from the first recorded use. */
    Optional<Instant> earliestHour();

    /** Hours one billing run bills at most (a catch-up after downtime takes several runs). */
    @WithDefault("48")
    int maxHoursPerRun();

    /** PostgreSQL work_mem for a billing run. */
    @WithDefault("256MB")
    String workMem();

    /** How late an ECS event is still accepted. */
    @WithDefault("6H")
    Duration lateWindow();

    /** How far in the future an ECS event's time may be (clock skew). */
    @WithDefault("5M")
    Duration futureTolerance();

    /** Compute events sent per outbox batch (and by an operator's run by default). */
    @WithDefault("50")
    int outboxBatchSize();

    /** The billing job's schedule, as its {@code @Scheduled} expression reads it ({@code off}: never). */
    @WithDefault("5m")
    String billingEvery();

    /** The compute-event outbox's schedule, as its {@code @Scheduled} expression reads it ({@code off}: never). */
    @WithDefault("10s")
    String outboxEvery();
}
