package io.touchpoint.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteWork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** The embedded store: one DuckDB file under the data directory, one writer, pooled readers. */
final class DuckDbStore implements Store, AutoCloseable {

    static final String FILE_NAME = "touchpoint.duckdb";

    private final Path file;
    private final DuckDBConnection root;
    private final HikariDataSource readers;
    private final GroupCommitWriter writer;
    private final JdbcClient reads;

    DuckDbStore(Path dataDir, int queueCapacity, int maxBatch, DataSize checkpointThreshold) {
        this.file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        this.root = open(file);
        try {
            // DuckDB's default, 16 MB, checkpoints every second or two under sustained ingestion, and
            // each checkpoint also writes the tables' key indexes: ADR 0030
            try (var statement = root.createStatement()) {
                statement.execute("set global checkpoint_threshold = '" + checkpointThreshold.toMegabytes() + "MiB'");
            }
            this.readers = new HikariDataSource(poolConfig(root));
            this.writer = new GroupCommitWriter(root.duplicate(), queueCapacity, maxBatch);
        } catch (SQLException e) {
            throw new StoreUnavailableException(
                    "Cannot open the embedded store at " + file + ": " + e.getMessage(),
                    "Check that the data directory is writable.",
                    e);
        }
        this.reads = JdbcClient.create(readers);
    }

    private static DuckDBConnection open(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreUnavailableException(
                    "Cannot create the data directory " + file.getParent() + ": " + e.getMessage(),
                    "Choose a writable directory with --touchpoint.data-dir=DIR.",
                    e);
        }
        try {
            return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Could not set lock")) {
                throw new StoreUnavailableException(
                        "The data directory " + file.getParent() + " is in use: another process holds the lock on "
                                + file + lockHolder(message)
                                + ". Only one Touchpoint process can use a data directory.",
                        "Stop the other Touchpoint process, or start this one with --touchpoint.data-dir=ANOTHER_DIR.",
                        e);
            }
            throw new StoreUnavailableException(
                    "Cannot open the embedded store " + file + ": " + message,
                    "Check that the file is a Touchpoint data file and the directory is writable.",
                    e);
        }
    }

    private static String lockHolder(String message) {
        var matcher = java.util.regex.Pattern.compile("\\(PID (\\d+)\\)").matcher(message);
        return matcher.find() ? " (PID " + matcher.group(1) + ")" : "";
    }

    private static HikariConfig poolConfig(DuckDBConnection root) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("touchpoint-duckdb-readers");
        config.setDataSource(new DuplicatingDataSource(root));
        config.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        return config;
    }

    Path file() {
        return file;
    }

    int queuedWrites() {
        return writer.queued();
    }

    @Override
    public Dialect dialect() {
        return Dialect.DUCKDB;
    }

    @Override
    public <T> T write(WriteWork<T> work) {
        return writer.submit(work);
    }

    @Override
    public JdbcClient reads() {
        return reads;
    }

    @Override
    public DataSource readDataSource() {
        return readers;
    }

    @Override
    public void close() throws Exception {
        writer.close();
        readers.close();
        root.close();
    }

    /** Hands out connections to the one DuckDB database this process holds open. */
    private static final class DuplicatingDataSource implements DataSource {
        private final DuckDBConnection root;

        DuplicatingDataSource(DuckDBConnection root) {
            this.root = root;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return root.duplicate();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("Not a wrapper for " + iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }
    }
}
