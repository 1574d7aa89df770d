package dev.opengallery.core;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps an outage to one log line. While the identity provider or the database is down, quarkus-oidc logs a
 * warning with a stack trace on every request that needs the identity provider, Hibernate Reactive an error on every
 * transaction it cannot start, and the readiness check a warning on every probe; {@link Outages} already logs the
 * outage once. This console filter lets the first of each of those messages through and drops the repeats until a
 * signed-in request succeeds again.
 */
@LoggingFilter(name = "dependency-outages")
public final class OutageLogFilter implements Filter {

    /** Logger and (part of) the message it repeats during an outage. */
    static final Map<String, String> REPEATED = Map.of(
            "io.quarkus.oidc.common.runtime.OidcCommonUtils", "OIDC Server is not available",
            "io.quarkus.oidc.runtime.OidcRecorder", "OIDC server is not available",
            "io.quarkus.reactive.datasource.runtime.ReactiveDatasourceHealthCheck", "Error obtaining database connection",
            "org.hibernate.reactive.pool.impl.SqlClientConnection", "Failed to");

    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    @Override
    public boolean isLoggable(LogRecord record) {
        String repeated = REPEATED.get(record.getLoggerName());
        if (repeated == null || record.getMessage() == null || !record.getMessage().contains(repeated)) {
            return true;
        }
        return LOGGED.add(record.getLoggerName());
    }

    /** The dependencies answered again: the next outage's warnings are logged again. */
    static void reset() {
        if (!LOGGED.isEmpty()) {
            LOGGED.clear();
        }
    }
}
