package io.touchpoint.platform.internal;

import io.touchpoint.platform.BulkInsert;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's fast path, its Appender. The Appender works inside the connection's open transaction, but
 * only if one is open: appended to a connection with none, it commits on its own. So every append
 * first makes sure the transaction has begun.
 *
 * <p>Rows known to be new go straight into the table ({@link #appendNew}); a duplicate key then fails
 * the write unit. Rows that may exist already go to a temporary staging table (tagged with a batch
 * number) and are moved into the target by one {@code INSERT … SELECT … ON CONFLICT}, which is many
 * times slower on a large table: DuckDB checks the conflicts of an {@code INSERT … SELECT} row by row
 * through the whole key index, while the Appender's own key check is cheap.
 */
final class DuckDbBulkInsert implements BulkInsert {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DuckDBConnection connection;
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Set<String> staged = new HashSet<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private long batch;

    DuckDbBulkInsert(Connection connection) throws SQLException {
        this.connection = connection.unwrap(DuckDBConnection.class);
    }

    /** A table's columns in order, which of them have a default, and whether it has a key. */
    private record Shape(List<String> columns, List<String> types, Set<String> defaulted, boolean keyed) {

        /** The Appender fills every column, so columns left out must be ones without a default. */
        boolean appendable(List<String> given) {
            for (String column : defaulted) {
                if (!given.contains(column)) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public int insertIgnoringDuplicates(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        if (!shape(table).keyed()) {
            appendNew(table, columns, rows);
            return rows.size();
        }
        return moveStaged(table, columns, rows, " on conflict do nothing");
    }

    @Override
    public void appendNew(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        columns.forEach(DuckDbBulkInsert::check);
        Shape shape = shape(table);
        if (!shape.appendable(columns)) {
            moveStaged(table, columns, rows, "");
            return;
        }
        touchTransaction();
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            appendRows(appender, null, shape.columns(), columns, rows);
            // a key conflict is reported by flush; close would swallow it and leave the transaction aborted
            appender.flush();
        }
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

    /** Appends the rows to the staging table, then moves them into the target in the open transaction. */
    private int moveStaged(String table, List<String> columns, List<Object[]> rows, String conflictClause)
            throws SQLException {
        columns.forEach(DuckDbBulkInsert::check);
        Shape shape = shape(table);
        String stage = "stage_" + table;
        stage(table, stage, shape);
        long current = ++batch;
        touchTransaction();
        try (DuckDBAppender appender = connection.createAppender("temp", "main", stage)) {
            appendRows(appender, current, shape.columns(), columns, rows);
            appender.flush();
        }
        String list = String.join(", ", columns);
        PreparedStatement insert = prepared("insert into " + table + " (" + list + ") select " + list + " from " + stage
                + " where batch = ?" + conflictClause);
        insert.setLong(1, current);
        int moved = insert.executeUpdate();
        prepared("delete from " + stage).execute();
        return moved;
    }

    /** Appends the rows in the table's column order; columns the rows do not give are null. */
    private static void appendRows(
            DuckDBAppender appender, Long batchTag, List<String> tableColumns, List<String> given, List<Object[]> rows)
            throws SQLException {
        int[] positions = new int[tableColumns.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = given.indexOf(tableColumns.get(i));
        }
        for (Object[] row : rows) {
            appender.beginRow();
            if (batchTag != null) {
                appender.append(batchTag.longValue());
            }
            for (int position : positions) {
                append(appender, position < 0 ? null : row[position]);
            }
            appender.endRow();
        }
    }

    /**
     * Runs a trivial statement. It opens the transaction if no statement has yet (an Appender on a
     * connection without an open transaction commits its rows at once, and they would survive a
     * rollback of the write unit), and it fails if the open transaction was aborted: DuckDB answers
     * a commit of an aborted transaction without an error, having stored nothing.
     */
    void touchTransaction() throws SQLException {
        try (var rs = prepared("select 1").executeQuery()) {
            rs.next();
        }
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

    private Shape shape(String table) throws SQLException {
        Shape known = shapes.get(table);
        if (known != null) {
            return known;
        }
        check(table);
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Set<String> defaulted = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select column_name, data_type, column_default from information_schema.columns "
                        + "where table_schema = 'main' and table_name = ? order by ordinal_position")) {
            query.setString(1, table);
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                    types.add(rs.getString(2));
                    if (rs.getString(3) != null) {
                        defaulted.add(rs.getString(1));
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("No table " + table);
        }
        boolean keyed;
        try (PreparedStatement query = connection.prepareStatement("select count(*) from duckdb_constraints() where "
                + "table_name = ? and constraint_type in ('PRIMARY KEY', 'UNIQUE')")) {
            query.setString(1, table);
            try (var rs = query.executeQuery()) {
                rs.next();
                keyed = rs.getLong(1) > 0;
            }
        }
        Shape shape = new Shape(List.copyOf(columns), List.copyOf(types), Set.copyOf(defaulted), keyed);
        shapes.put(table, shape);
        return shape;
    }

    /** Creates the table's staging table once per transaction that needs it (a rollback drops it). */
    private void stage(String table, String stage, Shape shape) throws SQLException {
        if (staged.contains(table)) {
            return;
        }
        List<String> definitions = new ArrayList<>();
        for (int i = 0; i < shape.columns().size(); i++) {
            String type = shape.types().get(i);
            definitions.add(shape.columns().get(i) + " " + (type.equalsIgnoreCase("JSON") ? "VARCHAR" : type));
        }
        try (var create = connection.createStatement()) {
            create.execute("create temp table if not exists " + stage + " (batch bigint, "
                    + String.join(", ", definitions) + ")");
        }
        staged.add(table);
    }

    /**
     * Called after a rollback: staging tables created in the rolled-back transaction are gone, so
     * they are looked up and created again on next use, and the statements prepared on them closed.
     */
    void forgetStaging() {
        staged.clear();
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
