package io.touchpoint.platform;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relational store. Writes go through {@link #write}, which returns only after the work is
 * durably committed; on the embedded store all writes share one writer thread (group commit), on
 * PostgreSQL they run concurrently on the caller's thread. Reads use {@link #reads()} and may run
 * concurrently everywhere.
 */
public interface Store {

    Dialect dialect();

    /** Runs the work in a transaction and returns its result once committed. */
    <T> T write(WriteWork<T> work);

    /** A client for read-only queries. */
    JdbcClient reads();

    /** The pooled data source behind {@link #reads()}; never use it for writes. */
    DataSource readDataSource();
}
