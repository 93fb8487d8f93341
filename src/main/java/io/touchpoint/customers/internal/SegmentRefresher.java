package io.touchpoint.customers.internal;

import io.touchpoint.customers.Segments;
import io.touchpoint.platform.PollingThread;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps segment membership snapshots fresh (ADR 0026): on one background thread, looks twice per
 * refresh interval (at most every 30 seconds) for segments whose snapshot is older than the
 * interval, missing, or computed for rules since changed, and recomputes them.
 */
@Component
class SegmentRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentRefresher.class);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(30);

    private final Segments segments;
    private final Duration poll;
    private volatile PollingThread thread;

    SegmentRefresher(Segments segments, SegmentProperties properties) {
        this.segments = segments;
        Duration half = properties.refreshInterval().dividedBy(2);
        this.poll = half.isZero() ? Duration.ofMillis(1) : half.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : half;
    }

    @Override
    public void start() {
        thread = PollingThread.start("segment-snapshots", poll, this::tick);
    }

    @Override
    public void stop() {
        PollingThread running = thread;
        thread = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    void tick() {
        try {
            long started = System.nanoTime();
            int refreshed = segments.refreshSnapshots();
            if (refreshed > 0) {
                log.debug(
                        "Recomputed {} segment snapshots in {} ms",
                        refreshed,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.error("Recomputing segment snapshots failed; will retry", e);
        }
    }
}
