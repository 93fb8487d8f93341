import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The ceiling for the embedded store: appends the benchmark's rows straight into a fresh DuckDB
 * file's {@code events} table (created by the migration's own statement) with the Appender, and
 * reports rows per second. The rows are built before the clock starts, so only the append and its
 * commit are timed.
 *
 * <p>Usage: {@code RawAppend --migration src/main/resources/db/migration/duckdb/V2__….sql --db FILE
 * [--rows 500000] [--users 5000] [--chunk 0]} ({@code --chunk N}: one appender and commit per N rows;
 * 0 means one appender for all rows).
 */
final class RawAppend {

    private static final Pattern EVENTS_TABLE = Pattern.compile("(?is)create table events\\s*\\(.*?\\);");

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = IngestLoad.options(argv);
        int rows = Integer.parseInt(args.getOrDefault("rows", "500000"));
        int users = Integer.parseInt(args.getOrDefault("users", "5000"));
        int chunk = Integer.parseInt(args.getOrDefault("chunk", "0"));
        Matcher ddl = EVENTS_TABLE.matcher(Files.readString(Path.of(args.get("migration"))));
        if (!ddl.find()) {
            throw new IllegalStateException("no 'create table events' in " + args.get("migration"));
        }
        List<Object[]> prepared = rows(rows, users);
        try (Connection plain = DriverManager.getConnection("jdbc:duckdb:" + args.get("db"))) {
            DuckDBConnection connection = plain.unwrap(DuckDBConnection.class);
            try (var statement = connection.createStatement()) {
                statement.execute(ddl.group());
            }
            long start = System.nanoTime();
            int step = chunk <= 0 ? rows : chunk;
            for (int from = 0; from < rows; from += step) {
                try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
                    for (Object[] row : prepared.subList(from, Math.min(rows, from + step))) {
                        appender.beginRow();
                        appender.append((UUID) row[0]);
                        appender.append((String) row[1]);
                        appender.append((UUID) row[2]);
                        appender.append((String) row[3]);
                        appendNullable(appender, (String) row[4]);
                        appender.append((String) row[5]);
                        appender.append((OffsetDateTime) row[6]);
                        appender.append((OffsetDateTime) row[7]);
                        appender.append((OffsetDateTime) row[8]);
                        appender.append((String) row[9]);
                        appender.append((String) row[10]);
                        appender.endRow();
                    }
                } // closing the appender flushes its rows and commits them
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long stored;
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("select count(*) from events")) {
                rs.next();
                stored = rs.getLong(1);
            }
            if (stored != rows) {
                throw new IllegalStateException("appended " + rows + " rows but the table holds " + stored);
            }
            System.out.printf(
                    "raw DuckDB Appender: %,d rows in %.2f s, %s%n",
                    rows, seconds, chunk <= 0 ? "one appender" : "one appender and commit per " + chunk + " rows");
            System.out.printf(
                    "RESULT rows_per_s=%.0f rows=%d seconds=%.3f chunk=%d%n", rows / seconds, rows, seconds, chunk);
        }
    }

    private static void appendNullable(DuckDBAppender appender, String value) throws Exception {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    /** The rows the server would store for the generator's messages, in the events table's column order. */
    static List<Object[]> rows(int count, int users) {
        UUID workspace = UUID.randomUUID();
        UUID[] customers = new UUID[users];
        for (int i = 0; i < users; i++) {
            customers[i] = UUID.randomUUID();
        }
        BenchEvents events = new BenchEvents(42, users, "raw");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BenchEvents.Message message = events.next();
            UUID customer = customers[Integer.parseInt(message.userId().substring(2))];
            rows.add(new Object[] {
                workspace,
                message.messageId(),
                customer,
                message.type(),
                message.event(),
                "web",
                now,
                now,
                now,
                message.propertiesJson(),
                message.contextJson()
            });
        }
        return rows;
    }
}
