package dev.opengallery.support;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import dev.opengallery.core.LocalDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the test run a database of its own on the local PostgreSQL server: created empty at start (Flyway
 * then migrates it), dropped at the end, so no state is left for the next run. Host, port, role and password
 * come from OG_TEST_PG_HOST, OG_TEST_PG_PORT, OG_TEST_PG_USER, OG_TEST_PG_PASSWORD (defaults 127.0.0.1, 5432,
 * opengallery, opengallery). A missing role is created (LOGIN CREATEDB) through the server's administrator
 * role, as on a fresh machine with local trust authentication.
 * <p>
 * Init argument {@code template} (a test profile's {@code TestResourceEntry}): the template the database is created
 * from. By default template1, where `.ci/run` creates the RUM extension; {@code template0} gives a database without
 * it, as on a plain managed PostgreSQL ({@link #WITHOUT_EXTENSIONS}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    static final String HOST = env("OG_TEST_PG_HOST", "127.0.0.1");
    static final String PORT = env("OG_TEST_PG_PORT", "5432");
    static final String USER = env("OG_TEST_PG_USER", "opengallery");
    static final String PASSWORD = env("OG_TEST_PG_PASSWORD", "opengallery");

    /** Init arguments for a database created from template0: no extension beyond PostgreSQL's own. */
    public static final Map<String, String> WITHOUT_EXTENSIONS = Map.of("template", "template0");

    private String database;

    private String template;

    @Override
    public void init(Map<String, String> initArgs) {
        template = initArgs == null ? null : initArgs.get("template");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String jdbcUrl(String db) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + db;
    }

    /** The local server, as the application role (created through the administrator role when missing). */
    public static LocalDatabase local() {
        return new LocalDatabase(HOST, PORT, USER, PASSWORD);
    }

    @Override
    public Map<String, String> start() {
        database = "og_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            local().ensureDatabase(database, template);
        } catch (SQLException e) {
            throw new IllegalStateException("\n\n*** The tests need PostgreSQL: could not create a test database on "
                    + HOST + ":" + PORT + " as role '" + USER + "' (" + e.getMessage() + ").\n"
                    + "*** Start PostgreSQL (e.g. `pg_ctlcluster 15 main start`) and create the role with CREATEDB:\n"
                    + "***   psql -U postgres -c \"create role " + USER + " login createdb password '" + PASSWORD + "'\"\n"
                    + "*** or point the tests elsewhere with OG_TEST_PG_HOST/PORT/USER/PASSWORD. `.ci/run` does both.\n",
                    e);
        }
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + HOST + ":" + PORT + "/" + database,
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "og.test.database", database);
    }

    @Override
    public void stop() {
        if (database == null) {
            return;
        }
        try {
            local().dropDatabase(database);
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + database + ": " + e.getMessage());
        }
    }
}
