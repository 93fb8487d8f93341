package io.touchpoint.platform;

import java.util.List;

/**
 * Inserts many rows inside the current write transaction, skipping rows whose key already exists.
 * On DuckDB the rows go through its Appender into a per-connection staging table and then into the
 * target with one {@code INSERT … SELECT}, because the Appender does not take part in the
 * connection's transaction; on PostgreSQL through batched inserts.
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
     * Inserts rows or, where the key exists, updates the existing row with {@code updateSet}: the
     * text after {@code DO UPDATE SET}, which may refer to the existing row as {@code <table>.column}
     * and the new one as {@code excluded.column}. Each key may appear at most once in {@code rows}.
     */
    void upsert(String table, List<String> columns, List<String> keyColumns, String updateSet, List<Object[]> rows)
            throws Exception;
}
