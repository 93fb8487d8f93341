package io.touchpoint.text.internal;

import io.touchpoint.feedback.SurveyResponseSubmitted;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.PollingThread;
import io.touchpoint.platform.Store;
import io.touchpoint.text.Sentiment;
import io.touchpoint.text.TextAnalysis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Analyses every survey comment once it is committed, on one background thread: text answers of
 * finished responses without a row in {@code text_comments} are analysed in batches and written in
 * one unit per batch; comments analysed under an older taxonomy version are analysed again from
 * their redacted text. Durable without bookkeeping: after a restart, what is not stored is still to
 * do. A submitted response wakes the worker. Without one, it looks for stale comments every few
 * seconds but sweeps the answers for unanalysed comments only once a minute: on a store of a
 * million responses that sweep costs a fifth of a second of both cores, which a poll every three
 * seconds spent on an idle server (every response is finished through {@code Responses}, which
 * announces it, so the sweep only catches what a crash lost between commit and announcement).
 */
@Component
class CommentWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommentWorker.class);
    static final int BATCH = 500;
    private static final long POLL_MILLIS = 3000;
    static final long SWEEP_NANOS = Duration.ofMinutes(1).toNanos();

    private final Store store;
    private final CommentRepository comments;
    private final TextStore texts;
    private final TextPipeline pipeline;
    private final WorkspaceModels models;
    private final Clock clock;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile PollingThread thread;
    /** {@link System#nanoTime} of the last sweep for new comments; only the worker's thread uses it. */
    private long lastSweep;

    private boolean swept;

    CommentWorker(
            Store store,
            CommentRepository comments,
            TextStore texts,
            TextPipeline pipeline,
            WorkspaceModels models,
            Clock clock) {
        this.store = store;
        this.comments = comments;
        this.texts = texts;
        this.pipeline = pipeline;
        this.models = models;
        this.clock = clock;
    }

    @Override
    public void start() {
        thread =
                PollingThread.start("text-comments", Duration.ofSeconds(2), Duration.ofMillis(POLL_MILLIS), this::poll);
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

    /** A finished response may carry comments: look now rather than at the next poll. */
    @EventListener
    void on(SurveyResponseSubmitted submitted) {
        PollingThread running = thread;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            running.execute(() -> {
                wakeQueued.set(false);
                tick();
            });
        }
    }

    /** The periodic round: stale comments always, new ones when a sweep is due. */
    void poll() {
        long now = System.nanoTime();
        boolean sweep = !swept || now - lastSweep >= SWEEP_NANOS;
        run(sweep);
    }

    /** Analyses everything that is waiting, batch by batch. */
    void tick() {
        run(true);
    }

    private void run(boolean sweep) {
        try {
            int done;
            if (sweep) {
                swept = true;
                lastSweep = System.nanoTime();
                do {
                    done = analyseNew();
                } while (done == BATCH && thread != null);
            }
            do {
                done = reanalyse();
            } while (done == BATCH && thread != null);
        } catch (RuntimeException e) {
            log.error("Analysing comments failed; will retry", e);
        }
    }

    int analyseNew() {
        List<CommentRepository.Pending> pending = comments.pending(BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        Map<UUID, TextStore.Settings> settings = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(pending.size());
        for (CommentRepository.Pending p : pending) {
            TextStore.Settings s = settings.computeIfAbsent(p.workspaceId(), texts::settings);
            TextAnalysis analysis = analyse(p.workspaceId(), p.text(), s.taxonomyVersion());
            rows.add(CommentRepository.row(
                    p,
                    Ids.next(),
                    analysis,
                    s.keepOriginal(),
                    s.taxonomyVersion(),
                    models.version(p.workspaceId()),
                    now));
        }
        store.write(tx -> {
            CommentRepository.insert(tx, rows);
            return null;
        });
        log.debug("Analysed {} comments in {} ms", rows.size(), (System.nanoTime() - started) / 1_000_000);
        return pending.size();
    }

    int reanalyse() {
        List<CommentRepository.Stale> stale = comments.stale(BATCH);
        if (stale.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<TextAnalysis> analyses = new ArrayList<>(stale.size());
        for (CommentRepository.Stale s : stale) {
            analyses.add(analyse(s.workspaceId(), s.redacted(), s.taxonomyVersion()));
        }
        store.write(tx -> {
            for (int i = 0; i < stale.size(); i++) {
                CommentRepository.Stale s = stale.get(i);
                CommentRepository.update(tx, s, analyses.get(i), models.version(s.workspaceId()), now);
            }
            return null;
        });
        return stale.size();
    }

    /** The pipeline never gives up on a comment: one that fails is stored as unanalysed rather than retried forever. */
    private TextAnalysis analyse(UUID workspaceId, String text, int taxonomyVersion) {
        try {
            return pipeline.analyze(text, models.of(workspaceId), texts.taxonomy(workspaceId, taxonomyVersion));
        } catch (RuntimeException e) {
            log.warn("A comment of workspace {} could not be analysed; stored without analysis", workspaceId, e);
            return new TextAnalysis(LanguageDetector.OTHER, Sentiment.NEUTRAL, 0, List.of(), "", List.of(), List.of());
        }
    }
}
