package io.touchpoint.platform.internal;

import io.touchpoint.platform.MergeableWork;
import io.touchpoint.platform.WriteWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for a store whose writes run on the callers' threads (PostgreSQL): concurrent
 * callers' {@link MergeableWork} units of one class are applied together, in one transaction, by
 * whichever of those callers holds the class's lane (flat combining). A caller queues its unit and
 * takes the lane's lock; once it has it, its unit is either done (another caller applied it) or it
 * applies every queued unit, up to {@code maxGroup}, itself. Units that queue while a group is
 * being applied form the next group, so a busy lane commits many units per transaction, and an idle
 * one applies a lone unit at once. If a group's transaction fails, each of its units is applied
 * alone, so one bad unit cannot sink the others (as on the embedded store's writer).
 */
final class MergingLanes {

    /** Runs one unit of work in a transaction of its own. */
    interface Transactions {
        <T> T run(WriteWork<T> work);
    }

    private final Transactions transactions;
    private final int maxGroup;
    private final ConcurrentMap<Class<?>, Lane> lanes = new ConcurrentHashMap<>();

    MergingLanes(Transactions transactions, int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be at least 1");
        }
        this.transactions = transactions;
        this.maxGroup = maxGroup;
    }

    <T> T submit(MergeableWork<T> work) {
        Lane lane = lanes.computeIfAbsent(work.getClass(), type -> new Lane());
        Task<T> task = new Task<>(work);
        lane.waiting.add(task);
        lane.lock.lock();
        try {
            // under the lock the task is done or still queued: units are taken and finished under it
            while (!task.result.isDone()) {
                List<Task<?>> group = new ArrayList<>();
                Task<?> next;
                while (group.size() < maxGroup && (next = lane.waiting.poll()) != null) {
                    group.add(next);
                }
                apply(group);
            }
        } finally {
            lane.lock.unlock();
        }
        try {
            return task.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Units of the class waiting for a caller to apply them. */
    int waiting(Class<?> type) {
        Lane lane = lanes.get(type);
        return lane == null ? 0 : lane.waiting.size();
    }

    @SuppressWarnings("unchecked")
    private void apply(List<Task<?>> group) {
        if (group.size() == 1) {
            applyAlone(group.get(0));
            return;
        }
        List<MergeableWork<Object>> units = new ArrayList<>(group.size());
        for (Task<?> task : group) {
            units.add((MergeableWork<Object>) task.work);
        }
        List<Object> results;
        try {
            results = transactions.run(tx -> {
                List<Object> applied = units.get(0).runAll(tx, units);
                if (applied.size() != units.size()) {
                    throw new IllegalStateException(
                            "A merged write returned " + applied.size() + " results for " + units.size() + " units");
                }
                return applied;
            });
        } catch (RuntimeException groupFailure) {
            group.forEach(this::applyAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            ((Task<Object>) group.get(i)).result.complete(results.get(i));
        }
    }

    private <T> void applyAlone(Task<T> task) {
        try {
            task.result.complete(transactions.run(task.work));
        } catch (RuntimeException | Error e) {
            task.result.completeExceptionally(e);
        }
    }

    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final ConcurrentLinkedQueue<Task<?>> waiting = new ConcurrentLinkedQueue<>();
    }

    private static final class Task<T> {
        final MergeableWork<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Task(MergeableWork<T> work) {
            this.work = work;
        }
    }
}
