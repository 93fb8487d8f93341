package io.touchpoint.customers.internal;

import io.touchpoint.platform.StartupConfigurationException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of segment membership snapshots ({@code touchpoint.segments.*}).
 *
 * @param refreshInterval how often every segment's stored membership is recomputed; reports use a
 *     snapshot younger than twice this, and evaluate the rules themselves otherwise
 */
@ConfigurationProperties("touchpoint.segments")
public record SegmentProperties(@DefaultValue("5m") Duration refreshInterval) {

    public SegmentProperties {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new StartupConfigurationException("touchpoint.segments.refresh-interval must be positive");
        }
    }

    /** The oldest snapshot a report still reads. */
    public Duration maxSnapshotAge() {
        return refreshInterval.multipliedBy(2);
    }
}
