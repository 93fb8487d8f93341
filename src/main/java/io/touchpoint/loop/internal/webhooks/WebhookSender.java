package io.touchpoint.loop.internal.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed message to an endpoint with the JDK's HTTP client: bounded connect and answer
 * times, redirects never followed (a 3xx counts as a failure, as a redirect could lead a signed
 * message anywhere), the answer's body read and dropped.
 */
final class WebhookSender {

    /** What came of one attempt. */
    record Outcome(Integer statusCode, String error, long durationMs) {
        boolean ok() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration hardLimit;

    WebhookSender(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
        // the request timeout covers the answer's head; this also bounds a body that trickles forever
        this.hardLimit = connectTimeout.plus(requestTimeout).plusSeconds(2);
    }

    Outcome send(String url, String messageId, long timestamp, String signature, String body) {
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Touchpoint-Webhooks/1")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "invalid URL: " + e.getMessage(), 0);
        }
        CompletableFuture<HttpResponse<Void>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = future.get(hardLimit.toMillis(), TimeUnit.MILLISECONDS);
            int code = response.statusCode();
            String error = null;
            if (code >= 300 && code < 400) {
                error = "redirect (HTTP " + code + ") to "
                        + response.headers().firstValue("Location").orElse("?") + " not followed";
            } else if (code < 200 || code >= 300) {
                error = "HTTP " + code;
            }
            return new Outcome(code, error, millisSince(start));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome(null, "no complete answer within " + hardLimit.toSeconds() + " s", millisSince(start));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted: the server was stopping", millisSince(start));
        } catch (ExecutionException e) {
            return new Outcome(null, describe(e.getCause()), millisSince(start));
        }
    }

    static String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect in time";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException) {
            return "I/O error: " + cause.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
