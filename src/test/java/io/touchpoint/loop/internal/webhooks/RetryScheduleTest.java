package io.touchpoint.loop.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    static final List<Duration> DEFAULT = new WebhookProperties(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10),
                    List.of(
                            Duration.ofSeconds(5),
                            Duration.ofMinutes(5),
                            Duration.ofMinutes(30),
                            Duration.ofHours(2),
                            Duration.ofHours(5),
                            Duration.ofHours(10),
                            Duration.ofHours(10)),
                    8,
                    2,
                    Duration.ofDays(5),
                    5)
            .retrySchedule();
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void theDefaultScheduleKeepsTryingForMoreThanADay() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, () -> 0.5);
        assertThat(schedule.span()).isGreaterThan(Duration.ofHours(24));
        assertThat(schedule.retries()).isEqualTo(7);
    }

    @Test
    void waitsGrowAfterEachFailureAndEndWhenTheScheduleIsUsedUp() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, () -> 0.5); // 0.5: no jitter
        assertThat(schedule.next(1, NOW)).contains(NOW.plusSeconds(5));
        assertThat(schedule.next(2, NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(schedule.next(7, NOW)).contains(NOW.plus(Duration.ofHours(10)));
        assertThat(schedule.next(8, NOW)).isEmpty();
        assertThat(schedule.next(0, NOW)).isEmpty();
    }

    @Test
    void jitterStaysWithinAFifthEitherWay() {
        assertThat(new RetrySchedule(DEFAULT, () -> 0.0).next(4, NOW)).contains(NOW.plus(Duration.ofMinutes(96)));
        assertThat(new RetrySchedule(DEFAULT, () -> 1.0).next(4, NOW)).contains(NOW.plus(Duration.ofMinutes(144)));
    }
}
