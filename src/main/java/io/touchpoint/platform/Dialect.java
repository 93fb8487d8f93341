package io.touchpoint.platform;

/** The SQL dialect of the configured store; queries stay portable, DDL lives per vendor. */
public enum Dialect {
    DUCKDB("duckdb"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Name of the per-vendor migration folder under {@code db/migration}. */
    public String folder() {
        return folder;
    }

    public static Dialect fromUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:duckdb:")) {
            return DUCKDB;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL '" + jdbcUrl
                + "': use jdbc:postgresql://… (or leave it empty for the embedded store)");
    }
}
