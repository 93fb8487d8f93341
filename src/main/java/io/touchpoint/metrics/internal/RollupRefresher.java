package io.touchpoint.metrics.internal;

import io.touchpoint.metrics.AnswerRollups;
import io.touchpoint.platform.PollingThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the per-day answer rollups up to date (ADR 0024) on one background thread, every
 * {@code touchpoint.metrics.rollup-interval}. With rollups off it forgets them once at start, so
 * that turning them on later builds them from scratch.
 */
@Component
class RollupRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupRefresher.class);

    private final AnswerRollups rollups;
    private final MetricsProperties properties;
    private volatile PollingThread thread;
    private volatile boolean running;

    RollupRefresher(AnswerRollups rollups, MetricsProperties properties) {
        this.rollups = rollups;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        if (!rollups.enabled()) {
            try {
                rollups.forget();
            } catch (RuntimeException e) {
                log.error("Could not remove the metric rollups while they are off", e);
            }
            return;
        }
        thread = PollingThread.start("metric-rollups", properties.rollupInterval(), this::tick);
    }

    @Override
    public void stop() {
        running = false;
        PollingThread current = thread;
        thread = null;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void tick() {
        try {
            long started = System.nanoTime();
            AnswerRollups.Refreshed done = rollups.refresh();
            if (done.built() > 0) {
                log.info(
                        "Metric rollups: {} workspaces built, {} days recomputed, {} changes handled in {} ms",
                        done.built(),
                        done.days(),
                        done.changes(),
                        (System.nanoTime() - started) / 1_000_000);
            } else if (done.days() > 0) {
                log.debug(
                        "Metric rollups: {} days recomputed, {} changes handled in {} ms",
                        done.days(),
                        done.changes(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.error("Refreshing the metric rollups failed; will retry", e);
        }
    }
}
