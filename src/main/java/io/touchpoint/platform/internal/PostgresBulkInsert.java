package io.touchpoint.platform.internal;

import io.touchpoint.platform.BulkInsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL's bulk path: multi-row inserts that skip (or update) rows whose key exists. One statement
 * carries up to {@value #MAX_ROWS} rows, which is many times faster than one execution per row.
 */
final class PostgresBulkInsert implements BulkInsert {

    static final int MAX_ROWS = 1000;

    /** The protocol's limit on parameters per statement is 65,535. */
    private static final int MAX_PARAMETERS = 65_000;

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Connection connection;

    PostgresBulkInsert(Connection connection) {
        this.connection = connection;
    }

    @Override
    public int insertIgnoringDuplicates(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        return insert(table, columns, rows, " on conflict do nothing");
    }

    @Override
    public void appendNew(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        insert(table, columns, rows, " on conflict do nothing");
    }

    @Override
    public void upsert(
            String table, List<String> columns, List<String> keyColumns, String updateSet, List<Object[]> rows)
            throws SQLException {
        if (!keyColumns.stream().allMatch(c -> NAME.matcher(c).matches())) {
            throw new IllegalArgumentException("Not plain SQL names: " + keyColumns);
        }
        insert(table, columns, rows, " on conflict (" + String.join(", ", keyColumns) + ") do update set " + updateSet);
    }

    private int insert(String table, List<String> columns, List<Object[]> rows, String conflictClause)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        if (!NAME.matcher(table).matches()
                || !columns.stream().allMatch(c -> NAME.matcher(c).matches())) {
            throw new IllegalArgumentException("Not plain SQL names: " + table + " " + columns);
        }
        String head = "insert into " + table + " (" + String.join(", ", columns) + ") values ";
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / columns.size()));
        int inserted = 0;
        for (int start = 0; start < rows.size(); start += perStatement) {
            List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + perStatement));
            String sql = head + String.join(", ", Collections.nCopies(chunk.size(), row)) + conflictClause;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int parameter = 0;
                for (Object[] values : chunk) {
                    for (Object value : values) {
                        insert.setObject(++parameter, value);
                    }
                }
                inserted += insert.executeUpdate();
            }
        }
        return inserted;
    }
}
