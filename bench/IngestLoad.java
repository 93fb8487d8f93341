import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for {@code POST /v1/batch}: N connections, each sending batches one after the
 * other, for a warm-up and then a measured period. Reports acknowledged (2xx) events per second,
 * request latency of the measured period and refused requests by status, and writes every
 * acknowledged messageId to a file.
 *
 * <p>Usage: {@code IngestLoad --url http://127.0.0.1:18080 --key WRITE_KEY [--connections 16]
 * [--batch 100] [--users 5000] [--warmup 10] [--duration 30] [--acked FILE] [--stop-file FILE]}
 * ({@code --stop-file}: stop early once this file exists).
 */
final class IngestLoad {

    private static final Pattern REJECTED_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    private final HttpClient client;
    private final URI uri;
    private final String authorization;
    private final int batchSize;
    private final int users;
    private final BufferedWriter acked;
    private final String runId = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final Map<String, LongAdder> refused = new TreeMap<>();
    private final LongAdder rejectedEvents = new LongAdder();
    private final LongAdder ackedTotal = new LongAdder();
    private final LongAdder ackedInWindow = new LongAdder();
    private final LongAdder progress = new LongAdder();
    private final Path stopFile;
    private volatile long windowStart;
    private Duration ownCpu;
    private volatile long windowEnd;

    private IngestLoad(Map<String, String> args) throws IOException {
        this.uri = URI.create(args.getOrDefault("url", "http://127.0.0.1:18080") + "/v1/batch");
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((require(args, "key") + ":").getBytes(StandardCharsets.UTF_8));
        this.batchSize = Integer.parseInt(args.getOrDefault("batch", "100"));
        this.users = Integer.parseInt(args.getOrDefault("users", "5000"));
        this.stopFile = args.containsKey("stop-file") ? Path.of(args.get("stop-file")) : null;
        this.acked = Files.newBufferedWriter(Path.of(args.getOrDefault("acked", "acked-message-ids.txt")));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = options(argv);
        int connections = Integer.parseInt(args.getOrDefault("connections", "16"));
        long warmup = Long.parseLong(args.getOrDefault("warmup", "10"));
        long duration = Long.parseLong(args.getOrDefault("duration", "30"));
        IngestLoad load = new IngestLoad(args);
        long start = System.nanoTime();
        load.windowStart = start + warmup * 1_000_000_000L;
        load.windowEnd = load.windowStart + duration * 1_000_000_000L;
        System.err.printf(
                "load: %d connections, batches of %d, %d users, warm-up %d s, measured %d s, run id %s%n",
                connections, load.batchSize, load.users, warmup, duration, load.runId);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = load.new Worker(i);
            workers.add(worker);
            worker.thread.start();
        }
        long previous = 0;
        long nextReport = start + 5_000_000_000L;
        Duration cpuAtWindowStart = null;
        while (load.running()) {
            Thread.sleep(100);
            if (cpuAtWindowStart == null && System.nanoTime() >= load.windowStart) {
                cpuAtWindowStart = cpu();
            }
            if (System.nanoTime() >= nextReport) {
                long now = load.progress.sum();
                System.err.printf(
                        "load: t=%3.0f s  %,8.0f events/s acknowledged over the last 5 s%n",
                        (nextReport - start) / 1e9, (now - previous) / 5.0);
                previous = now;
                nextReport += 5_000_000_000L;
            }
        }
        long stoppedAt = Math.min(System.nanoTime(), load.windowEnd);
        load.ownCpu = cpuAtWindowStart == null ? Duration.ZERO : cpu().minus(cpuAtWindowStart);
        for (Worker worker : workers) {
            worker.thread.join();
        }
        load.acked.close();
        load.report(workers, Math.max(0, stoppedAt - load.windowStart) / 1e9);
    }

    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private boolean running() {
        return System.nanoTime() < windowEnd && (stopFile == null || !Files.exists(stopFile));
    }

    private void report(List<Worker> workers, double seconds) {
        long[] latencies = workers.stream()
                .flatMap(w -> Arrays.stream(w.latenciesMicros, 0, w.measured).boxed())
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
        double eventsPerSecond = seconds > 0 ? ackedInWindow.sum() / seconds : 0;
        StringBuilder refusedText = new StringBuilder();
        long refusedCount = 0;
        synchronized (refused) {
            for (var entry : refused.entrySet()) {
                refusedText
                        .append(refusedText.isEmpty() ? "" : ",")
                        .append(entry.getKey())
                        .append(':')
                        .append(entry.getValue().sum());
                refusedCount += entry.getValue().sum();
            }
        }
        System.out.printf("acknowledged events, measured period: %,d in %.1f s%n", ackedInWindow.sum(), seconds);
        System.out.printf("sustained events/s (2xx only):        %,.0f%n", eventsPerSecond);
        System.out.printf(
                "request latency (%,d requests):      p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                latencies.length, percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100));
        System.out.printf("refused requests by status:          %s%n", refusedText.isEmpty() ? "none" : refusedText);
        System.out.printf("events rejected inside 2xx batches:  %,d%n", rejectedEvents.sum());
        double cpuMicrosPerEvent = ackedInWindow.sum() == 0 ? 0 : ownCpu.toNanos() / 1000.0 / ackedInWindow.sum();
        System.out.printf(
                "load generator CPU, measured period: %.1f s, %.1f µs per event%n",
                ownCpu.toMillis() / 1000.0, cpuMicrosPerEvent);
        System.out.printf("acknowledged messageIds written:     %,d (whole run, warm-up included)%n", ackedTotal.sum());
        System.out.printf(
                "RESULT events_per_s=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f requests=%d refused=%d "
                        + "refused_by_status=%s rejected_events=%d acked_total=%d acked_measured=%d load_cpu_s=%.2f%n",
                eventsPerSecond,
                percentile(latencies, 50),
                percentile(latencies, 99),
                percentile(latencies, 100),
                latencies.length,
                refusedCount,
                refusedText.isEmpty() ? "none" : refusedText,
                rejectedEvents.sum(),
                ackedTotal.sum(),
                ackedInWindow.sum(),
                ownCpu.toMillis() / 1000.0);
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
        return sortedMicros[Math.max(0, rank - 1)] / 1000.0;
    }

    private void refuse(String status) {
        synchronized (refused) {
            refused.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
    }

    private synchronized void writeAcked(List<BenchEvents.Message> messages, boolean[] rejected) throws IOException {
        for (int i = 0; i < messages.size(); i++) {
            if (!rejected[i]) {
                acked.write(messages.get(i).messageId());
                acked.write('\n');
            }
        }
    }

    /** One connection's loop: build a batch, send it, wait for the answer, record it. */
    private final class Worker {
        final Thread thread;
        final BenchEvents events;
        long[] latenciesMicros = new long[1 << 14];
        int measured;

        Worker(int index) {
            this.events = new BenchEvents(index * 7919L + runId.hashCode(), users, runId + "-" + index);
            this.thread = new Thread(this::run, "load-" + index);
        }

        void run() {
            while (running()) {
                List<BenchEvents.Message> messages = new ArrayList<>(batchSize);
                String now = Instant.now().toString();
                StringBuilder body = new StringBuilder(batchSize * 900).append("{\"batch\":[");
                for (int i = 0; i < batchSize; i++) {
                    BenchEvents.Message message = events.next();
                    messages.add(message);
                    body.append(i == 0 ? "" : ",").append(message.json(now));
                }
                body.append("]}");
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build();
                long sent = System.nanoTime();
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    long done = System.nanoTime();
                    if (response.statusCode() / 100 != 2) {
                        refuse(Integer.toString(response.statusCode()));
                        if (response.statusCode() == 503) {
                            Thread.sleep(100);
                        }
                        continue;
                    }
                    boolean[] rejected = new boolean[messages.size()];
                    int rejectedCount = 0;
                    Matcher matcher = REJECTED_INDEX.matcher(response.body());
                    while (matcher.find()) {
                        rejected[Integer.parseInt(matcher.group(1))] = true;
                        rejectedCount++;
                    }
                    int ackedCount = messages.size() - rejectedCount;
                    writeAcked(messages, rejected);
                    rejectedEvents.add(rejectedCount);
                    ackedTotal.add(ackedCount);
                    progress.add(ackedCount);
                    if (done >= windowStart && done <= windowEnd) {
                        ackedInWindow.add(ackedCount);
                        if (measured == latenciesMicros.length) {
                            latenciesMicros = Arrays.copyOf(latenciesMicros, measured * 2);
                        }
                        latenciesMicros[measured++] = (done - sent) / 1000;
                    }
                } catch (IOException e) {
                    refuse("io-error");
                    pause();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Map<String, String> options(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", argv));
            }
            args.put(argv[i].substring(2), argv[++i]);
        }
        return args;
    }

    private static String require(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
