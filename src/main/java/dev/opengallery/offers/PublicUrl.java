package dev.opengallery.offers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** Where buyers open the service ({@code opengallery.public-url}): the base of the links in offers. */
@ConfigMapping(prefix = "opengallery.public-url")
public interface PublicUrl {

    @WithParentName
    @WithDefault("http://localhost:8080")
    String value();
}
