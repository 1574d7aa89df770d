package dev.opengallery.core;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The HTTP edge's own limits ({@code opengallery.http.*}). */
@ConfigMapping(prefix = "opengallery.http")
public interface HttpConfig {

    @WithDefault("4096")
    int maxUriLength();

    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
