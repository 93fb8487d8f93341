package io.touchpoint.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.platform.StartupConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsPropertiesTest {

    @Test
    void rollupsAreOnUnlessTurnedOff() {
        assertThat(new MetricsProperties("auto", Duration.ofMinutes(1)).rollupsOn())
                .isTrue();
        assertThat(new MetricsProperties(" ON ", Duration.ofMinutes(1)).rollupsOn())
                .isTrue();
        assertThat(new MetricsProperties(" Off ", Duration.ofMinutes(1)).rollupsOn())
                .isFalse();
    }

    @Test
    void anUnknownModeIsRefusedNamingTheSettingAndTheValue() {
        assertThatThrownBy(() -> new MetricsProperties("sometimes", Duration.ofMinutes(1)))
                .isInstanceOf(StartupConfigurationException.class)
                .hasMessage("touchpoint.metrics.rollups must be auto, on or off, was 'sometimes'");
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new MetricsProperties("on", Duration.ZERO))
                .isInstanceOf(StartupConfigurationException.class)
                .hasMessageContaining("touchpoint.metrics.rollup-interval must be positive");
    }
}
