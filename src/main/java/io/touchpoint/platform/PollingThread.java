package io.touchpoint.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One named daemon thread that runs a background worker's round every interval (the next round
 * starts an interval after the last one ended), takes extra work between rounds, and stops within
 * ten seconds: the shape shared by the survey-send, rule and comment workers.
 */
public final class PollingThread {

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final ScheduledExecutorService executor;

    private PollingThread(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts the thread; the first round runs after one interval, or one second if that is sooner. */
    public static PollingThread start(String name, Duration every, Runnable round) {
        Duration first = every.compareTo(Duration.ofSeconds(1)) < 0 ? every : Duration.ofSeconds(1);
        return start(name, first, every, round);
    }

    /** Starts the thread; the first round runs after {@code firstDelay}. */
    public static PollingThread start(String name, Duration firstDelay, Duration every, Runnable round) {
        Objects.requireNonNull(round, "round");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive, was " + every);
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(round, firstDelay.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new PollingThread(executor);
    }

    /**
     * Runs work on the thread between rounds (a wake-up), never at the same time as a round; does
     * nothing once the thread is stopping.
     */
    public void execute(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException stopping) {
            // the next start's first round picks the work up
        }
    }

    /** Lets the current round finish (ten seconds at most, then interrupts it) and ends the thread. */
    public void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
