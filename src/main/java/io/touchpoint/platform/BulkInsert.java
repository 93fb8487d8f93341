package io.touchpoint.platform;

import java.util.List;

/**
 * Inserts many rows inside the current write transaction. On DuckDB through its Appender (straight
 * into the table for rows known to be new, else through a staging table and one
 * {@code INSERT … SELECT … ON CONFLICT}); on PostgreSQL through multi-row inserts.
 */
public interface BulkInsert {

    /**
     * @param table   target table
     * @param columns the columns given in each row, in order
     * @param rows    values: String, UUID, Integer, Long, Double, BigDecimal, Boolean, OffsetDateTime or
     *                null; columns of type json take their JSON text as a String
     * @return rows actually inserted (rows with an existing key are skipped)
     */
    int insertIgnoringDuplicates(String table, List<String> columns, List<Object[]> rows) throws Exception;

    /**
     * Inserts rows that the caller knows are not stored yet: the fast path, for a writer that has
     * checked. On DuckDB (one writer) a row whose key exists fails the write unit; on PostgreSQL,
     * where another transaction may have stored the same key meanwhile, it is skipped.
     */
    void appendNew(String table, List<String> columns, List<Object[]> rows) throws Exception;

    /**
     * Inserts rows or, where the key exists, updates the existing row with {@code updateSet}: the
     * text after {@code DO UPDATE SET}, which may refer to the existing row as {@code <table>.column}
     * and the new one as {@code excluded.column}. Each key may appear at most once in {@code rows}.
     */
    void upsert(String table, List<String> columns, List<String> keyColumns, String updateSet, List<Object[]> rows)
            throws Exception;
}
