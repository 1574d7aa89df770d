package dev.opengallery.offers;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Private offers ({@code opengallery.offers.*}). */
@ConfigMapping(prefix = "opengallery.offers")
public interface OffersConfig {

    /** The longest validity a seller may give an offer. */
    @WithDefault("365D")
    Duration maxValidity();
}
