package io.touchpoint.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
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

    /** Test databases older than this are left over from finished runs and are dropped. */
    static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofHours(6);

    private static final java.util.concurrent.atomic.AtomicBoolean swept =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Creates a new empty PostgreSQL database and returns its JDBC URL. Its name carries its
     * creation time ({@code tp_test_<epoch seconds>_<random>}); the first call of a test run drops
     * the test databases of earlier runs older than {@link #LEFTOVER_AGE}, so repeated builds do not
     * fill the server (a run still going on elsewhere is younger than that).
     */
    public static String freshPostgresDatabase() {
        long now = java.time.Instant.now().getEpochSecond();
        String name = "tp_test_" + now + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = DriverManager.getConnection(pgAdminUrl(), pgUser(), pgPassword())) {
            if (swept.compareAndSet(false, true)) {
                for (String old : leftovers(admin, now)) {
                    admin.createStatement().execute("drop database if exists " + old + " with (force)");
                }
            }
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

    /** Test databases named with a creation time more than {@link #LEFTOVER_AGE} before {@code now}. */
    static List<String> leftovers(Connection admin, long now) throws SQLException {
        List<String> old = new java.util.ArrayList<>();
        try (var rs = admin.createStatement()
                .executeQuery("select datname from pg_database where datname like 'tp\\_test\\_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                if (parts.length == 4
                        && parts[2].matches("[0-9]{10}")
                        && Long.parseLong(parts[2]) < now - LEFTOVER_AGE.toSeconds()) {
                    old.add(rs.getString(1));
                }
            }
        }
        return old;
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
