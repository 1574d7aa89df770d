package dev.opengallery.core;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares a local PostgreSQL server for dev mode and tests, so that the run and test commands work on a
 * fresh machine: the application role (LOGIN, CREATEDB) and its database are created when missing, through
 * the server's administrator role (default {@code postgres}, as local trust or peer-less setups allow;
 * OG_PG_ADMIN_USER / OG_PG_ADMIN_PASSWORD name another). Never used in production.
 */
public final class LocalDatabase {

    private final String host;
    private final String port;
    private final String role;
    private final String password;

    public LocalDatabase(String host, String port, String role, String password) {
        this.host = host;
        this.port = port;
        this.role = role;
        this.password = password;
    }

    /** Parses host and port out of {@code jdbc:postgresql://host:port/db}. */
    public static LocalDatabase fromJdbcUrl(String jdbcUrl, String role, String password) {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
        return new LocalDatabase(host, port, role, password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String where() {
        return host + ":" + port;
    }

    /** A connection to the maintenance database as the application role, creating the role when missing. */
    public Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(jdbcUrl("postgres"), role, password);
        } catch (SQLException asRole) {
            // 28000: role does not exist / not permitted; 28P01: wrong password
            if (asRole.getSQLState() == null || !asRole.getSQLState().startsWith("28")) {
                throw asRole;
            }
            createRole(asRole);
            return DriverManager.getConnection(jdbcUrl("postgres"), role, password);
        }
    }

    private void createRole(SQLException cause) throws SQLException {
        String admin = env("OG_PG_ADMIN_USER", "postgres");
        String adminPassword = env("OG_PG_ADMIN_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), admin, adminPassword);
                Statement st = c.createStatement()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                ps.setString(1, role);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            String quotedPassword = "'" + password.replace("'", "''") + "'";
            st.execute((exists ? "alter" : "create") + " role " + quote(role) + " login createdb password "
                    + quotedPassword);
        } catch (SQLException adminFailed) {
            adminFailed.addSuppressed(cause);
            throw adminFailed;
        }
    }

    /** Creates the database, owned by the application role, unless it exists. */
    public void ensureDatabase(String database) throws SQLException {
        ensureDatabase(database, null);
    }

    /**
     * Creates the database from the given template ({@code null}: the server's default, template1), owned by the
     * application role, unless it exists.
     */
    public void ensureDatabase(String database, String template) throws SQLException {
        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("create database " + quote(database) + (template == null ? "" : " template " + quote(template)));
            }
        }
    }

    public void dropDatabase(String database) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + quote(database) + " with (force)");
        }
    }

    static String quote(String identifier) {
        if (!identifier.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Unsupported identifier: " + identifier);
        }
        return identifier;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
