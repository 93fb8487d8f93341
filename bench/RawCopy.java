import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * The ceiling for PostgreSQL: copies the benchmark's rows into the {@code events} table of an empty
 * database (created by the migration's own statement) with {@code COPY … FROM STDIN}, and reports
 * rows per second. The CSV text is built before the clock starts.
 *
 * <p>Usage: {@code RawCopy --migration src/main/resources/db/migration/postgresql/V2__….sql --url
 * jdbc:postgresql://127.0.0.1:5432/DB --user postgres [--rows 500000] [--users 5000]}
 */
final class RawCopy {

    private static final Pattern EVENTS_TABLE = Pattern.compile("(?is)create table events\\s*\\(.*?\\);");

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = IngestLoad.options(argv);
        int rows = Integer.parseInt(args.getOrDefault("rows", "500000"));
        int users = Integer.parseInt(args.getOrDefault("users", "5000"));
        Matcher ddl = EVENTS_TABLE.matcher(Files.readString(Path.of(args.get("migration"))));
        if (!ddl.find()) {
            throw new IllegalStateException("no 'create table events' in " + args.get("migration"));
        }
        List<Object[]> prepared = RawAppend.rows(rows, users);
        StringBuilder csv = new StringBuilder(rows * 700);
        for (Object[] row : prepared) {
            for (int i = 0; i < row.length; i++) {
                csv.append(i == 0 ? "" : ",");
                if (row[i] != null) {
                    csv.append('"')
                            .append(row[i].toString().replace("\"", "\"\""))
                            .append('"');
                }
            }
            csv.append('\n');
        }
        String text = csv.toString();
        try (Connection connection =
                DriverManager.getConnection(args.get("url"), args.getOrDefault("user", "postgres"), "")) {
            try (var statement = connection.createStatement()) {
                statement.execute(ddl.group());
            }
            long start = System.nanoTime();
            long copied = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy events (workspace_id, message_id, customer_id, type, event, channel, ts, received_at, "
                                    + "sent_at, properties, context) from stdin (format csv)",
                            new StringReader(text));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (copied != rows) {
                throw new IllegalStateException("copied " + copied + " rows, expected " + rows);
            }
            System.out.printf("raw PostgreSQL COPY: %,d rows in %.2f s%n", rows, seconds);
            System.out.printf("RESULT rows_per_s=%.0f rows=%d seconds=%.3f%n", rows / seconds, rows, seconds);
        }
    }
}
