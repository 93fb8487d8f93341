package io.touchpoint.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.TouchpointApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures in a real, separate Touchpoint process: clear message, non-zero exit, no damage. */
class StartupFailuresDuckDbOnlyIT {

    @TempDir
    Path dir;

    @Test
    void aSecondInstanceOnTheSameDataDirectoryExitsNamingTheLock() throws Exception {
        Path dataDir = dir.resolve("data");
        Files.createDirectories(dataDir);
        try (Connection holder = DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("touchpoint.duckdb"))) {
            holder.createStatement().execute("create table precious (v int)");
            holder.createStatement().execute("insert into precious values (42)");
            Result result = start(Map.of(), "--touchpoint.data-dir=" + dataDir);
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output())
                    .contains("is in use: another process holds the lock on")
                    .contains(dataDir.resolve("touchpoint.duckdb").toString())
                    .contains("--touchpoint.data-dir");
            try (var rs = holder.createStatement().executeQuery("select v from precious")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void anUnreachableDatabaseExitsNamingTheUrlWithThePasswordMasked() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:1/touchpoint?password=hunter2-secret";
        Result result = start(Map.of("TOUCHPOINT_DB_URL", url, "TOUCHPOINT_DB_USER", "tp"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/touchpoint?password=****")
                .contains("TOUCHPOINT_DB_URL")
                .doesNotContain("hunter2-secret");
    }

    @Test
    void anUnknownRollupModeExitsNamingTheSettingAndTheValue() throws Exception {
        Result result = start(Map.of(), "--touchpoint.metrics.rollups=sometimes");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("touchpoint.metrics.rollups must be auto, on or off, was 'sometimes'")
                .contains("docs/configuration.md");
    }

    private Result start(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TouchpointApplication.class.getName());
        command.add("--server.port=0");
        command.addAll(List.of(args));
        if (List.of(args).stream().noneMatch(a -> a.startsWith("--touchpoint.data-dir="))) {
            command.add("--touchpoint.data-dir=" + dir.resolve("unused"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("TOUCHPOINT_DB_URL");
        builder.environment().putAll(env);
        Path log = dir.resolve("out-" + System.nanoTime() + ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Touchpoint did not exit: " + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {}
}
