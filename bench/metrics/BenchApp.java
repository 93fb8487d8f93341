import io.touchpoint.TouchpointApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Touchpoint in this JVM from the packaged jar's own classes and libraries, so the metrics
 * generator can write through the store's bulk path and the metrics benchmark can run raw SQL on the
 * very store (same DuckDB instance, same connection pool) that answers its HTTP calls.
 */
final class BenchApp {

    private BenchApp() {}

    /**
     * The application on the given port and data directory (or the PostgreSQL database of
     * TOUCHPOINT_DB_URL), with extra {@code --name=value} settings.
     */
    static ConfigurableApplicationContext start(int port, String dataDir, String... settings) {
        List<String> args = new ArrayList<>(
                List.of("--server.port=" + port, "--touchpoint.data-dir=" + dataDir, "--logging.level.root=WARN"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(TouchpointApplication.class)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /** {@code --name value} pairs. */
    static Map<String, String> options(String[] argv) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + argv[i]);
            }
            options.put(argv[i].substring(2), argv[i + 1]);
        }
        return options;
    }
}
