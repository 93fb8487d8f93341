package io.touchpoint.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Which store the integration tests run against ({@code -Dtouchpoint.test.store=duckdb|postgresql},
 * set per Failsafe execution) and how to make a fresh, empty one.
 */
public final class TestStores {

    private TestStores() {}

    public static String store() {
        return System.getProperty("touchpoint.test.store", "duckdb").toLowerCase(Locale.ROOT);
    }

    public static boolean postgres() {
        return store().equals("postgresql");
    }

    public static String pgAdminUrl() {
        return env("TOUCHPOINT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    public static String pgUser() {
        return env("TOUCHPOINT_TEST_PG_USER", "postgres");
    }

    public static String pgPassword() {
        return env("TOUCHPOINT_TEST_PG_PASSWORD", "");
    }

    /** In CI (or when asked) a missing PostgreSQL fails the build instead of skipping its tests. */
    public static boolean pgRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("TOUCHPOINT_TEST_PG_REQUIRED"));
    }

    public static String pgUnreachableReason() {
        try (Connection ignored = DriverManager.getConnection(pgAdminUrl(), pgUser(), pgPassword())) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + pgAdminUrl() + " is not reachable: " + e.getMessage();
        }
    }

    /** Creates a new empty PostgreSQL database and returns its JDBC URL. */
    public static String freshPostgresDatabase() {
        String name = "tp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(pgAdminUrl(), pgUser(), pgPassword())) {
            admin.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create test database on " + pgAdminUrl() + ": " + e.getMessage(), e);
        }
        String base = pgAdminUrl();
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        return base.substring(0, slash + 1) + name + (query >= 0 ? base.substring(query) : "");
    }

    public static Path freshDataDir() {
        try {
            return Files.createTempDirectory("touchpoint-it-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
