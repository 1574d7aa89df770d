package dev.opengallery.apps;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Purchased apps ({@code opengallery.apps.*}). */
@ConfigMapping(prefix = "opengallery.apps")
public interface AppsConfig {

    /** The AES-256 key (base64) of SaaS application passwords at rest; required outside dev and test. */
    Optional<String> encryptionKey();

    /** Expansions of apps bought before this day are priced by the old rule. */
    @WithDefault("2023-06-12")
    LocalDate expansionCutover();

    /** Unsubscribing within this long after the purchase refunds everything. */
    @WithDefault("5D")
    Duration fullRefundWithin();

    /** Password reveals allowed per app within the window. */
    @WithDefault("5")
    int revealLimit();

    @WithDefault("1H")
    Duration revealWindow();
}
