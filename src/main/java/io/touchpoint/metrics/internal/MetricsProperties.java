package io.touchpoint.metrics.internal;

import io.touchpoint.platform.StartupConfigurationException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the metrics module ({@code touchpoint.metrics.*}).
 *
 * @param rollups per-day answer rollups for NPS, CSAT and CES (ADR 0024, 0027): {@code auto} (on,
 *     with either store), {@code on} or {@code off}
 * @param rollupInterval how often the rollups of changed and finished days are recomputed
 */
@ConfigurationProperties("touchpoint.metrics")
public record MetricsProperties(@DefaultValue("auto") String rollups, @DefaultValue("1m") Duration rollupInterval) {

    public MetricsProperties {
        String given = rollups;
        rollups = rollups == null ? "" : rollups.trim().toLowerCase(Locale.ROOT);
        if (!rollups.equals("auto") && !rollups.equals("on") && !rollups.equals("off")) {
            throw new StartupConfigurationException(
                    "touchpoint.metrics.rollups must be auto, on or off, was '" + given + "'");
        }
        if (rollupInterval.isNegative() || rollupInterval.isZero()) {
            throw new StartupConfigurationException(
                    "touchpoint.metrics.rollup-interval must be positive, was " + rollupInterval);
        }
    }

    /**
     * Whether rollups are kept and read. {@code auto} once meant PostgreSQL only; since ADR 0027
     * it means on with the embedded store too, and stays the default so that a later store can
     * differ again without a new setting.
     */
    public boolean rollupsOn() {
        return !rollups.equals("off");
    }
}
