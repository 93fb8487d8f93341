package io.touchpoint.loop.internal;

import io.touchpoint.platform.StartupConfigurationException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rule worker ({@code touchpoint.loop.*}).
 *
 * @param pollInterval how often new responses and events are checked against the rules
 * @param lookback     responses and events older than this are history: rules do not fire on them
 *                     (the dry run looks at them)
 */
@ConfigurationProperties("touchpoint.loop")
public record LoopProperties(@DefaultValue("2s") Duration pollInterval, @DefaultValue("7d") Duration lookback) {

    public LoopProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new StartupConfigurationException("touchpoint.loop.poll-interval must be positive");
        }
        if (lookback.isNegative() || lookback.isZero()) {
            throw new StartupConfigurationException("touchpoint.loop.lookback must be positive");
        }
    }
}
