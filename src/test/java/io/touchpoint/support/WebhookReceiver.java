package io.touchpoint.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A real HTTP server (the JDK's) on a free port that plays webhook endpoints: {@code /ok/*} answers
 * 204, {@code /fail/*} 500, {@code /flaky/N/*} 500 for the first N requests then 200,
 * {@code /hang/*} never answers (until {@link #close}), {@code /redirect/*} answers 302 to
 * {@code /ok/redirected}. Every request is recorded by path.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as the endpoint saw it. */
    public record Received(String path, Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
        int count = counts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        int status;
        if (path.startsWith("/ok/")) {
            status = 204;
        } else if (path.startsWith("/fail/")) {
            status = 500;
        } else if (path.startsWith("/flaky/")) {
            status = count <= Integer.parseInt(path.split("/")[2]) ? 500 : 200;
        } else if (path.startsWith("/redirect/")) {
            exchange.getResponseHeaders().add("Location", url("/ok/redirected"));
            status = 302;
        } else if (path.startsWith("/hang/")) {
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 200;
        } else {
            status = 404;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Checks a Standard Webhooks signature the way a receiver would, with an HMAC implementation
     * independent of the JDK's (Bouncy Castle): any {@code v1,} signature that matches wins.
     */
    public static boolean verifies(String secret, Received request) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        byte[] content = signed.getBytes(StandardCharsets.UTF_8);
        mac.update(content, 0, content.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        String expected = "v1," + Base64.getEncoder().encodeToString(out);
        for (String signature : request.header("webhook-signature").split(" ")) {
            if (java.security.MessageDigest.isEqual(
                    signature.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
