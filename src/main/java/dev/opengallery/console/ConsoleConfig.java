package dev.opengallery.console;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web console's own settings (its OIDC tenant is quarkus.oidc.console.*). */
@ConfigMapping(prefix = "opengallery.console")
public interface ConsoleConfig {

    /** The CSRF cookie's Secure flag (false in dev and tests, which run on plain HTTP). */
    @WithDefault("true")
    boolean secureCookies();

    /** How long a console session's tokens are kept at most (server-side, table console_sessions). */
    @WithDefault("12H")
    Duration sessionMaxAge();
}
