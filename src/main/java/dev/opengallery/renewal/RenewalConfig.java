package dev.opengallery.renewal;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Renewals and the expiry lifecycle ({@code opengallery.renewal.*}). The periods the purchased apps show
 * ({@code grace-period}, {@code retention-period}, {@code auto-renew-lead}) are read here and by
 * {@code apps.RenewalTerms}, under the same names.
 */
@ConfigMapping(prefix = "opengallery.renewal")
public interface RenewalConfig {

    /** How long before expiry an app with auto-renewal is renewed. */
    @WithDefault("7D")
    Duration autoRenewLead();

    /** How long after a failed automatic renewal it is tried again. */
    @WithDefault("1D")
    Duration retryEvery();

    /** Apps one job transaction handles at most. */
    @WithDefault("500")
    int batchSize();

    /** ACTIVE past expiry: GRACE this long, then RETENTION. */
    @WithDefault("15D")
    Duration gracePeriod();

    /** RETENTION this long, then RELEASED. */
    @WithDefault("15D")
    Duration retentionPeriod();

    /** The auto-renewal job's schedule, as its {@code @Scheduled} expression reads it ({@code off}: never). */
    @WithDefault("1h")
    String autoRenewJobEvery();

    /** The lifecycle job's schedule, as its {@code @Scheduled} expression reads it ({@code off}: never). */
    @WithDefault("15m")
    String lifecycleJobEvery();
}
