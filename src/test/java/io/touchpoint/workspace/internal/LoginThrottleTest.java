package io.touchpoint.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15));
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void fourFailuresDoNotSlowTheNextAttempt() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("a@x", t0);
        }
        assertThat(throttle.waitBefore("a@x", t0)).isZero();
    }

    @Test
    void theFifthFailureInARowLocksForTheFirstLockout() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("a@x", t0);
        }
        assertThat(throttle.waitBefore("a@x", t0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitBefore("a@x", t0.plusSeconds(29))).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("a@x", t0.plusSeconds(30))).isZero();
    }

    @Test
    void eachFurtherFailureDoublesTheLockoutUpToTheMaximum() {
        Instant now = t0;
        for (int i = 0; i < 6; i++) {
            throttle.failed("a@x", now);
        }
        assertThat(throttle.waitBefore("a@x", now)).isEqualTo(Duration.ofSeconds(60));
        for (int i = 0; i < 20; i++) {
            throttle.failed("a@x", now);
        }
        assertThat(throttle.waitBefore("a@x", now)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("a@x", t0);
        }
        throttle.succeeded("a@x");
        throttle.failed("a@x", t0);
        assertThat(throttle.waitBefore("a@x", t0)).isZero();
    }

    @Test
    void accountsAreThrottledIndependently() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("a@x", t0);
        }
        assertThat(throttle.waitBefore("b@x", t0)).isZero();
    }

    @Test
    void refusesANonPositiveAttemptCount() {
        assertThatThrownBy(() -> new LoginThrottle(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessageContaining("freeAttempts");
    }
}
