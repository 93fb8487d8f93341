package io.touchpoint.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.StartupConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsPropertiesTest {

    @Test
    void autoKeepsRollupsOnPostgresqlOnly() {
        MetricsProperties auto = new MetricsProperties("auto", Duration.ofMinutes(1));
        assertThat(auto.rollupsOn(Dialect.POSTGRESQL)).isTrue();
        assertThat(auto.rollupsOn(Dialect.DUCKDB)).isFalse();
        assertThat(new MetricsProperties(" ON ", Duration.ofMinutes(1)).rollupsOn(Dialect.DUCKDB))
                .isTrue();
        assertThat(new MetricsProperties("off", Duration.ofMinutes(1)).rollupsOn(Dialect.POSTGRESQL))
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
