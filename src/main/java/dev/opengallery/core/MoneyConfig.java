package dev.opengallery.core;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Money ({@code opengallery.money.*}). */
@ConfigMapping(prefix = "opengallery.money")
public interface MoneyConfig {

    /** The currencies the marketplace accepts (ISO 4217 codes). */
    @WithDefault("USD,CNY")
    List<String> currencies();
}
