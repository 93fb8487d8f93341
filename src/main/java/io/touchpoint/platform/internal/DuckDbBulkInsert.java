package io.touchpoint.platform.internal;

import io.touchpoint.platform.BulkInsert;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's fast path. Its Appender commits on its own, outside the open transaction, so rows are
 * appended to a temporary staging table (tagged with a batch number) and moved into the target by
 * one {@code INSERT … SELECT} that commits or rolls back with the rest of the write unit. Staged rows
 * of a rolled-back unit are never selected again and are cleared by the next batch.
 */
final class DuckDbBulkInsert implements BulkInsert {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DuckDBConnection connection;
    private final Map<String, List<String>> stagedColumns = new HashMap<>();
    private final Map<String, Boolean> keyed = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private long batch;

    DuckDbBulkInsert(Connection connection) throws SQLException {
        this.connection = connection.unwrap(DuckDBConnection.class);
    }

    @Override
    public int insertIgnoringDuplicates(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        String skipExisting = keyed(table) ? " on conflict do nothing" : "";
        return moveStaged(table, columns, rows, skipExisting);
    }

    @Override
    public void upsert(
            String table, List<String> columns, List<String> keyColumns, String updateSet, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        keyColumns.forEach(DuckDbBulkInsert::check);
        moveStaged(
                table,
                columns,
                rows,
                " on conflict (" + String.join(", ", keyColumns) + ") do update set " + updateSet);
    }

    private boolean keyed(String table) throws SQLException {
        check(table);
        stage(table, "stage_" + table);
        return keyed.get(table);
    }

    /** Appends the rows to the staging table, then moves them into the target in the open transaction. */
    private int moveStaged(String table, List<String> columns, List<Object[]> rows, String conflictClause)
            throws SQLException {
        check(table);
        columns.forEach(DuckDbBulkInsert::check);
        String stage = "stage_" + table;
        stage(table, stage);
        long current = ++batch;
        List<String> staged = stagedColumns.get(table);
        int[] positions = new int[staged.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = columns.indexOf(staged.get(i));
        }
        try (DuckDBAppender appender = connection.createAppender("temp", "main", stage)) {
            for (Object[] row : rows) {
                appender.beginRow();
                appender.append(current);
                for (int position : positions) {
                    append(appender, position < 0 ? null : row[position]);
                }
                appender.endRow();
            }
        }
        String list = String.join(", ", columns);
        PreparedStatement insert = prepared("insert into " + table + " (" + list + ") select " + list + " from " + stage
                + " where batch = ?" + conflictClause);
        insert.setLong(1, current);
        int moved = insert.executeUpdate();
        prepared("delete from " + stage).execute();
        return moved;
    }

    /** The writer runs the same few statements for every group, so they are prepared once. */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private List<String> stage(String table, String stage) throws SQLException {
        List<String> known = stagedColumns.get(table);
        if (known != null) {
            return known;
        }
        List<String> columns = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select column_name, data_type from information_schema.columns where table_schema = 'main' "
                        + "and table_name = ? order by ordinal_position")) {
            query.setString(1, table);
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    String type = rs.getString(2);
                    columns.add(column);
                    definitions.add(column + " " + (type.equalsIgnoreCase("JSON") ? "VARCHAR" : type));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("No table " + table);
        }
        try (PreparedStatement query = connection.prepareStatement("select count(*) from duckdb_constraints() where "
                + "table_name = ? and constraint_type in ('PRIMARY KEY', 'UNIQUE')")) {
            query.setString(1, table);
            try (var rs = query.executeQuery()) {
                rs.next();
                keyed.put(table, rs.getLong(1) > 0);
            }
        }
        try (var create = connection.createStatement()) {
            create.execute("create temp table if not exists " + stage + " (batch bigint, "
                    + String.join(", ", definitions) + ")");
        }
        stagedColumns.put(table, List.copyOf(columns));
        return stagedColumns.get(table);
    }

    /**
     * Called after a rollback: staging tables created in the rolled-back transaction are gone, so
     * they are looked up and created again on next use, and the statements prepared on them closed.
     */
    void forgetStaging() {
        stagedColumns.clear();
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // it refers to a staging table that is gone; nothing to release
            }
        }
        statements.clear();
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String s) {
            appender.append(s);
        } else if (value instanceof UUID u) {
            appender.append(u);
        } else if (value instanceof Integer i) {
            appender.append(i.intValue());
        } else if (value instanceof Long l) {
            appender.append(l.longValue());
        } else if (value instanceof Double d) {
            appender.append(d.doubleValue());
        } else if (value instanceof BigDecimal b) {
            appender.append(b);
        } else if (value instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else if (value instanceof OffsetDateTime t) {
            appender.append(t);
        } else {
            throw new SQLException("Cannot append a " + value.getClass().getName());
        }
    }

    private static void check(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain SQL name: " + name);
        }
    }
}
