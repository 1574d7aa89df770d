package dev.opengallery.apps;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The renewal periods a purchased app shows ({@code opengallery.renewal.*}; the renewal feature reads the same
 * properties, with its own, in {@code renewal.RenewalConfig}).
 */
@ConfigMapping(prefix = "opengallery.renewal")
public interface RenewalTerms {

    @WithDefault("15D")
    Duration gracePeriod();

    @WithDefault("15D")
    Duration retentionPeriod();

    @WithDefault("7D")
    Duration autoRenewLead();
}
