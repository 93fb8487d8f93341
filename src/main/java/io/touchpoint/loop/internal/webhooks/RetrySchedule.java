package io.touchpoint.loop.internal.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the configured waits (5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h by default, so about 27 hours in all), each stretched or shrunk by up to a fifth at random,
 * so that endpoints coming back from an outage are not hit by every queued message at once.
 */
final class RetrySchedule {

    static final double JITTER = 0.2;

    private final List<Duration> waits;
    private final DoubleSupplier random;

    RetrySchedule(List<Duration> waits, DoubleSupplier random) {
        this.waits = List.copyOf(waits);
        this.random = random;
    }

    /**
     * The time of the next attempt after {@code failedAttempts} attempts have failed, or empty when
     * the schedule is used up.
     */
    Optional<Instant> next(int failedAttempts, Instant now) {
        if (failedAttempts < 1 || failedAttempts > waits.size()) {
            return Optional.empty();
        }
        Duration wait = waits.get(failedAttempts - 1);
        double factor = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return Optional.of(now.plusNanos(Math.round(wait.toNanos() * factor)));
    }

    /** How long the whole schedule lasts without jitter. */
    Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    int retries() {
        return waits.size();
    }
}
