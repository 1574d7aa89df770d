package dev.opengallery.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Migrate-and-exit mode ({@code OPENGALLERY_MIGRATE_AND_EXIT=true}): the process migrates the database (Flyway) and
 * exits, 0 when the schema is up to date, 1 when migrating failed. The Helm chart's pre-install/pre-upgrade Job runs
 * the service's own image this way, so the service itself can start without migrating (off the cold-start path).
 */
@ApplicationScoped
public class MigrateAndExit {

    private static final Logger LOG = Logger.getLogger(MigrateAndExit.class);

    @ConfigProperty(name = "opengallery.migrate-and-exit", defaultValue = "false")
    boolean migrateAndExit;

    @Inject
    Instance<Flyway> flyway;

    void onStart(@Observes StartupEvent event) {
        if (!migrateAndExit) {
            return;
        }
        int code;
        try {
            var result = flyway.get().migrate();
            LOG.infof("Database migrated: %d migration(s) applied%s; exiting", result.migrationsExecuted,
                    result.targetSchemaVersion == null ? "" : ", schema version " + result.targetSchemaVersion);
            code = 0;
        } catch (RuntimeException e) {
            LOG.error("Database migration failed; exiting", e);
            code = 1;
        }
        Quarkus.asyncExit(code);
    }
}
