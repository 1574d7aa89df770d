package dev.opengallery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.Outages.Dependency;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Which failures are a dependency's outage (503), as the PostgreSQL client and quarkus-oidc raise them. */
class OutagesTest {

    static PgException pg(String state) {
        return new PgException("message", "FATAL", state, null);
    }

    @Test
    void theDatabaseGoneIsAnOutage() {
        assertEquals(Dependency.DATABASE, Outages.classify(ClosedConnectionException.INSTANCE));
        assertEquals(Dependency.DATABASE, Outages.classify(new ConnectException("Connection refused")));
        assertEquals(Dependency.DATABASE, Outages.classify(new VertxException("Connection was closed", true)));
        assertEquals(Dependency.DATABASE, Outages.classify(
                new VertxException("Pending requests failed to be sent due to connection has been closed.", true)));
        assertEquals(Dependency.DATABASE, Outages.classify(new VertxException("Timeout waiting for connection", true)));
        assertEquals(Dependency.DATABASE, Outages.classify(new NoStackTraceThrowable("Pool closed")));
        assertEquals(Dependency.DATABASE, Outages.classify(
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")));
        assertEquals(Dependency.DATABASE, Outages.classify(new NoStackTraceTimeoutException("Timeout")));
        assertEquals(Dependency.DATABASE, Outages.classify(pg("57P01")), "terminating: administrator command");
        assertEquals(Dependency.DATABASE, Outages.classify(pg("57P03")), "the database system is starting up");
        assertEquals(Dependency.DATABASE, Outages.classify(pg("08006")));
        assertEquals(Dependency.DATABASE, Outages.classify(pg("53300")), "too many connections");
        assertEquals(Dependency.DATABASE, Outages.classify(new CompletionException(
                new IllegalStateException("wrapped", ClosedConnectionException.INSTANCE))));
    }

    @Test
    void theIdentityProviderGoneIsAnOutage() {
        assertEquals(Dependency.IDENTITY_PROVIDER, Outages.classify(new OIDCException("OIDC Server is not available",
                new RuntimeException("OIDC Server is not available"))));
        assertEquals(Dependency.IDENTITY_PROVIDER, Outages.classify(
                new AuthenticationFailedException(new ConnectException("Connection refused"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertNull(Outages.classify(pg("23505")), "a unique violation is a conflict");
        assertNull(Outages.classify(pg("40001")));
        assertNull(Outages.classify(new IllegalStateException("a bug")));
        assertNull(Outages.classify(new VertxException("something else")));
        assertNull(Outages.classify(new AuthenticationFailedException("bad signature")));
        assertNull(Outages.classify(new OIDCException("Tenant configuration is invalid")));
    }

    @Test
    void quarkusWarningsRepeatedDuringAnOutageAreLoggedOnceUntilItEnds() {
        OutageLogFilter filter = new OutageLogFilter();
        LogRecord health = new LogRecord(Level.WARNING, "Error obtaining database connection for healthcheck");
        health.setLoggerName("io.quarkus.reactive.datasource.runtime.ReactiveDatasourceHealthCheck");
        LogRecord oidc = new LogRecord(Level.WARNING, "OIDC Server is not available:");
        oidc.setLoggerName("io.quarkus.oidc.common.runtime.OidcCommonUtils");
        LogRecord other = new LogRecord(Level.WARNING, "Something else");
        other.setLoggerName("io.quarkus.oidc.common.runtime.OidcCommonUtils");
        LogRecord transaction = new LogRecord(Level.SEVERE, "Failed to start a transaction: %s");
        transaction.setLoggerName("org.hibernate.reactive.pool.impl.SqlClientConnection");
        OutageLogFilter.reset();
        assertTrue(filter.isLoggable(health));
        assertFalse(filter.isLoggable(health));
        assertTrue(filter.isLoggable(transaction));
        assertFalse(filter.isLoggable(transaction));
        assertTrue(filter.isLoggable(oidc));
        assertFalse(filter.isLoggable(oidc));
        assertTrue(filter.isLoggable(other));
        assertTrue(filter.isLoggable(other));
        OutageLogFilter.reset();
        assertTrue(filter.isLoggable(health));
        OutageLogFilter.reset();
    }
}
