package io.touchpoint.loop.internal.webhooks;

import io.touchpoint.platform.StartupConfigurationException;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings ({@code touchpoint.webhooks.*}, documented in docs/configuration.md).
 *
 * @param pollInterval       how often the outbox and due deliveries are checked
 * @param connectTimeout     how long to wait for a TCP/TLS connection to an endpoint
 * @param requestTimeout     how long to wait for an endpoint's answer once connected
 * @param retrySchedule      the waits before the second, third, … attempt; after the last one the
 *                           delivery is given up (it can still be replayed by hand)
 * @param threads            concurrent deliveries in this process
 * @param perEndpoint        concurrent deliveries to one endpoint, so a slow one cannot take every thread
 * @param disableAfter       an endpoint that has failed every attempt for this long is disabled …
 * @param disableMinFailures … once it has also failed at least this many attempts in a row
 */
@ConfigurationProperties("touchpoint.webhooks")
public record WebhookProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
        @DefaultValue("8") int threads,
        @DefaultValue("2") int perEndpoint,
        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("5") int disableMinFailures) {

    public WebhookProperties {
        positive("poll-interval", pollInterval);
        positive("connect-timeout", connectTimeout);
        positive("request-timeout", requestTimeout);
        retrySchedule.forEach(d -> positive("retry-schedule", d));
        if (threads < 1 || perEndpoint < 1) {
            throw new StartupConfigurationException("touchpoint.webhooks.threads and per-endpoint must be at least 1");
        }
        if (disableAfter.isNegative() || disableMinFailures < 1) {
            throw new StartupConfigurationException(
                    "touchpoint.webhooks.disable-after must not be negative and disable-min-failures at least 1");
        }
        retrySchedule = List.copyOf(retrySchedule);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new StartupConfigurationException("touchpoint.webhooks." + name + " must be positive, was " + value);
        }
    }
}
