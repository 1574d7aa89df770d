package dev.opengallery.requirements;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Application requirements ({@code opengallery.requirements.*}). */
@ConfigMapping(prefix = "opengallery.requirements")
public interface RequirementsConfig {

    /** An open requirement closes by itself this many days after it was posted. */
    @WithDefault("60")
    int openDays();

    /** The expiry job's schedule, as its {@code @Scheduled} expression reads it ({@code off}: never). */
    @WithDefault("1h")
    String expiryJobEvery();
}
