import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records survey responses one per request through {@code POST /api/v1/surveys/{id}/responses}
 * (the path of the survey API, the hosted page and the widget: one write unit per response), each
 * back-dated to a random moment of the last 30 days, from N connections. Warm-up, then a measured
 * count; prints responses/s and request latency (p50, p99).
 *
 * <p>Usage: {@code ResponseLoad --url http://127.0.0.1:18080 --key SECRET_KEY [--connections 4]
 * [--warmup 300] [--count 3000]}
 */
final class ResponseLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        String base = args.getOrDefault("url", "http://127.0.0.1:18080");
        String key = args.get("key");
        int connections = Integer.parseInt(args.getOrDefault("connections", "4"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "300"));
        int count = Integer.parseInt(args.getOrDefault("count", "3000"));
        HttpClient http = HttpClient.newHttpClient();
        String survey = post(
                http,
                base + "/api/v1/surveys",
                key,
                "{\"name\":\"Load\",\"defaultLanguage\":\"en\",\"questions\":[{\"id\":\"nps\",\"type\":\"nps\","
                        + "\"text\":{\"en\":\"Recommend us?\"}},{\"id\":\"s\",\"type\":\"csat\",\"text\":{\"en\":\"Happy?\"}}]}");
        Matcher id = ID.matcher(survey);
        if (!id.find()) {
            throw new IllegalStateException("no survey id in " + survey);
        }
        String surveyId = id.group(1);
        post(http, base + "/api/v1/surveys/" + surveyId + "/publish", key, "");
        String url = base + "/api/v1/surveys/" + surveyId + "/responses";
        run(http, url, key, connections, warmup, null);
        long[] latencies = new long[count];
        long started = System.nanoTime();
        run(http, url, key, connections, count, latencies);
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(
                "%d responses in %.1f s: %.0f responses/s, latency p50 %.1f ms, p99 %.1f ms (%d connections)%n",
                count,
                seconds,
                count / seconds,
                latencies[count / 2] / 1e6,
                latencies[(int) Math.ceil(count * 0.99) - 1] / 1e6,
                connections);
        System.out.printf(
                "RESULT responses_per_s=%.1f p50_ms=%.1f p99_ms=%.1f%n",
                count / seconds, latencies[count / 2] / 1e6, latencies[(int) Math.ceil(count * 0.99) - 1] / 1e6);
    }

    private static void run(HttpClient http, String url, String key, int connections, int count, long[] latencies)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Instant at = Instant.now().minusSeconds(random.nextLong(30L * 86_400));
                    String body = "{\"channel\":\"api\",\"submittedAt\":\"" + at + "\",\"answers\":{\"nps\":"
                            + random.nextInt(11) + ",\"s\":" + (1 + random.nextInt(5)) + "}}";
                    long start = System.nanoTime();
                    post(http, url, key, body);
                    if (latencies != null) {
                        latencies[i] = System.nanoTime() - start;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static String post(HttpClient http, String url, String key, String body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
