package io.touchpoint.platform.internal;

import io.touchpoint.platform.BulkInsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** PostgreSQL's bulk path: batched inserts that skip (or update) rows whose key exists. */
final class PostgresBulkInsert implements BulkInsert {

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
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")" + conflictClause;
        int inserted = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
                if (++pending == 1000) {
                    inserted += sum(insert.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                inserted += sum(insert.executeBatch());
            }
        }
        return inserted;
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += Math.max(count, 0);
        }
        return total;
    }
}
