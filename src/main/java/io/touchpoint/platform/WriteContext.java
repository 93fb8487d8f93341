package io.touchpoint.platform;

import java.sql.Connection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a unit of write work sees: one open transaction on the store. The work must only touch the
 * database (it may be re-run once if a group commit has to be split), never send mail or call out.
 *
 * @param jdbc       a client bound to the transaction's connection
 * @param connection the raw connection, for vendor bulk paths (DuckDB Appender, PostgreSQL COPY)
 * @param dialect    the store's dialect
 * @param bulk       the fast path for many rows
 * @param hooks      what runs when the transaction rolls back
 */
public record WriteContext(
        JdbcClient jdbc, Connection connection, Dialect dialect, BulkInsert bulk, TransactionHooks hooks) {

    /** Runs the action if this transaction rolls back; see {@link TransactionHooks}. */
    public void onRollback(Runnable action) {
        hooks.onRollback(action);
    }
}
