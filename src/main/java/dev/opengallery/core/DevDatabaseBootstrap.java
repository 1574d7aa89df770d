package dev.opengallery.core;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: creates the application role and database on the local PostgreSQL server when they are
 * missing, then migrates (and seeds) it, so that {@code ./mvnw quarkus:dev} works on a fresh machine.
 */
@IfBuildProfile("dev")
@Singleton
public class DevDatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DevDatabaseBootstrap.class);

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** Runs before every other start-up observer, the scheduler's included, so no job meets a missing table. */
    void onStart(@Observes @Priority(-1000) StartupEvent event) throws Exception {
        LocalDatabase local = LocalDatabase.fromJdbcUrl(jdbcUrl, username, password);
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).split("\\?")[0];
        try {
            local.ensureDatabase(database);
        } catch (Exception e) {
            throw new IllegalStateException("Dev mode needs PostgreSQL at " + local.where() + " (role '" + username
                    + "', database '" + database + "'): " + e.getMessage()
                    + ". Start it with `pg_ctlcluster 15 main start`, or set QUARKUS_DATASOURCE_JDBC_URL, "
                    + "QUARKUS_DATASOURCE_REACTIVE_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.", e);
        }
        LOG.infof("Migrating dev database %s on %s", database, local.where());
        flyway.migrate();
    }
}
