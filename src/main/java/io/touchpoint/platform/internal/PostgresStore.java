package io.touchpoint.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.MergeableWork;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.StoreWriteException;
import io.touchpoint.platform.TouchpointProperties;
import io.touchpoint.platform.TransactionHooks;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.platform.WriteWork;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The server store: PostgreSQL through a connection pool; writes run concurrently on the caller's
 * thread, except that concurrent {@link MergeableWork} units of one kind are committed together
 * ({@link MergingLanes}).
 */
final class PostgresStore implements Store, AutoCloseable {

    private final HikariDataSource pool;
    private final JdbcClient reads;
    private final MergingLanes lanes;

    PostgresStore(TouchpointProperties.Db db, int maxGroup) {
        checkReachable(db);
        this.lanes = new MergingLanes(this::transaction, maxGroup);
        HikariConfig config = new HikariConfig();
        config.setPoolName("touchpoint-postgresql");
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(db.poolSize());
        // lets a String parameter be bound to jsonb columns without vendor casts in the SQL
        config.addDataSourceProperty("stringtype", "unspecified");
        // JIT compiling an analytic query cost more than running it (ADR 0024: the NPS trend spent
        // most of its time in JIT on a 300k-response store); options in the URL still win
        config.addDataSourceProperty("options", "-c jit=off");
        this.pool = new HikariDataSource(config);
        this.reads = JdbcClient.create(pool);
    }

    private static void checkReachable(TouchpointProperties.Db db) {
        Properties props = new Properties();
        if (db.user() != null) {
            props.setProperty("user", db.user());
        }
        if (db.password() != null) {
            props.setProperty("password", db.password());
        }
        props.setProperty("connectTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(db.url(), props)) {
            // reachable
        } catch (SQLException e) {
            throw new StoreUnavailableException(
                    "Cannot connect to the database at " + MaskedUrl.of(db.url()) + " as user '" + db.user() + "': "
                            + e.getMessage(),
                    "Check TOUCHPOINT_DB_URL, TOUCHPOINT_DB_USER and TOUCHPOINT_DB_PASSWORD, and that the server is running "
                            + "and accepts connections from this host.",
                    e);
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public <T> T write(WriteWork<T> work) {
        if (work instanceof MergeableWork<T> mergeable) {
            return lanes.submit(mergeable);
        }
        return transaction(work);
    }

    private <T> T transaction(WriteWork<T> work) {
        TransactionHooks hooks = new TransactionHooks();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                WriteContext context = new WriteContext(
                        JdbcClient.create(new SingleConnectionDataSource(connection, true)),
                        connection,
                        Dialect.POSTGRESQL,
                        new PostgresBulkInsert(connection),
                        hooks);
                T result = work.run(context);
                connection.commit();
                hooks.committed();
                return result;
            } catch (Exception e) {
                connection.rollback();
                hooks.rolledBack();
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new StoreWriteException("Write failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreWriteException("Write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public JdbcClient reads() {
        return reads;
    }

    @Override
    public DataSource readDataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
