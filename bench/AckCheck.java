import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Checks that every acknowledged messageId is stored exactly once: reads the load generator's file
 * of acknowledged ids and the {@code events} table of a stopped server's store (the DuckDB file, or a
 * PostgreSQL database), and prints PASS or FAIL with the counts.
 *
 * <p>Usage: {@code AckCheck --acked FILE (--duckdb FILE | --pg jdbc:postgresql://…)}
 */
final class AckCheck {

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = IngestLoad.options(argv);
        List<String> acked = Files.readAllLines(Path.of(args.get("acked")));
        Map<String, Integer> ackedTimes = new HashMap<>();
        for (String id : acked) {
            ackedTimes.merge(id, 1, Integer::sum);
        }
        Map<String, Long> stored = new HashMap<>();
        long storedRows = 0;
        try (Connection connection = connect(args)) {
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("select message_id, count(*) from events group by message_id")) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getLong(2));
                    storedRows += rs.getLong(2);
                }
            }
        }
        long missing = 0;
        long duplicated = 0;
        long foundOnce = 0;
        for (String id : ackedTimes.keySet()) {
            long count = stored.getOrDefault(id, 0L);
            if (count == 0) {
                missing++;
            } else if (count > 1) {
                duplicated++;
            } else {
                foundOnce++;
            }
        }
        long ackedTwice = ackedTimes.values().stream().filter(n -> n > 1).count();
        boolean pass = missing == 0 && duplicated == 0 && ackedTwice == 0 && !acked.isEmpty();
        System.out.printf(
                "%s: %,d acknowledged messageIds, %,d found exactly once, %,d missing, %,d stored more than once "
                        + "(%,d ids acknowledged twice by the load); the store holds %,d events, %,d not acknowledged "
                        + "(committed while the answer was lost to the kill)%n",
                pass ? "PASS" : "FAIL",
                ackedTimes.size(),
                foundOnce,
                missing,
                duplicated,
                ackedTwice,
                storedRows,
                storedRows - foundOnce - duplicated);
        System.out.printf(
                "RESULT pass=%s acked=%d found_once=%d missing=%d duplicated=%d stored=%d%n",
                pass, ackedTimes.size(), foundOnce, missing, duplicated, storedRows);
        System.exit(pass ? 0 : 1);
    }

    private static Connection connect(Map<String, String> args) throws Exception {
        if (args.containsKey("duckdb")) {
            Properties readOnly = new Properties();
            readOnly.setProperty("duckdb.read_only", "true");
            return DriverManager.getConnection("jdbc:duckdb:" + args.get("duckdb"), readOnly);
        }
        return DriverManager.getConnection(args.get("pg"), args.getOrDefault("user", "postgres"), "");
    }
}
