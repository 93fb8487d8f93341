package io.touchpoint.platform.internal;

import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.MergeableWork;
import io.touchpoint.platform.StoreOverloadedException;
import io.touchpoint.platform.StoreWriteException;
import io.touchpoint.platform.TransactionHooks;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.platform.WriteWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded store's single writer. DuckDB fails concurrent transactions that touch the same rows,
 * so every write runs on this thread. Work that queued up while the previous commit ran is applied
 * in one transaction (group commit), and consecutive {@link MergeableWork} units of one kind are
 * applied in one call; if that transaction fails, each unit is retried alone so one bad unit cannot
 * sink the others. The queue is bounded: when it is full, callers get
 * {@link StoreOverloadedException} at once instead of waiting without bound.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final Connection connection;
    private final WriteContext context;
    private final DuckDbBulkInsert bulk;
    private final TransactionHooks hooks = new TransactionHooks();
    private final BlockingQueue<Task<?>> queue;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommitWriter(Connection connection, int queueCapacity, int maxBatch) throws SQLException {
        this.connection = connection;
        this.connection.setAutoCommit(false);
        this.bulk = new DuckDbBulkInsert(connection);
        this.context = new WriteContext(
                JdbcClient.create(new SingleConnectionDataSource(connection, true)),
                connection,
                Dialect.DUCKDB,
                bulk,
                hooks);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::loop, "touchpoint-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    <T> T submit(WriteWork<T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("write() called from inside a write unit; nest the work instead");
        }
        Task<T> task = new Task<>(work);
        if (!running) {
            throw new StoreOverloadedException("The store is shutting down");
        }
        if (!queue.offer(task)) {
            throw new StoreOverloadedException("The write queue is full (" + queue.size() + " units waiting)");
        }
        if (!running && queue.remove(task)) {
            throw new StoreOverloadedException("The store is shutting down");
        }
        try {
            return task.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreWriteException("Interrupted while waiting for commit", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreWriteException("Write failed: " + cause.getMessage(), cause);
        }
    }

    int queued() {
        return queue.size();
    }

    private void loop() {
        List<Task<?>> group = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Task<?> first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxBatch - 1);
                commitGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException | Error e) {
                log.error("Writer loop failure", e);
                hooks.rolledBack(); // whatever the transaction holds, nothing may rely on it
                group.forEach(task -> task.result.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void commitGroup(List<Task<?>> group) {
        List<Object> results = new ArrayList<>(group.size());
        try {
            int start = 0;
            while (start < group.size()) {
                WriteWork<?> first = group.get(start).work;
                int end = start + 1;
                while (first instanceof MergeableWork<?>
                        && end < group.size()
                        && group.get(end).work.getClass() == first.getClass()) {
                    end++;
                }
                if (end - start == 1) {
                    results.add(first.run(context));
                } else {
                    results.addAll(runMerged(group.subList(start, end)));
                }
                start = end;
            }
            bulk.touchTransaction(); // an aborted transaction must fail here, not "commit" nothing
            connection.commit();
            hooks.committed();
        } catch (Exception groupFailure) {
            rollbackQuietly();
            if (group.size() == 1) {
                group.get(0).result.completeExceptionally(groupFailure);
                return;
            }
            group.forEach(this::commitAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results.get(i));
        }
    }

    /** Tasks whose work is of one {@link MergeableWork} class, applied in one call. */
    @SuppressWarnings("unchecked")
    private List<?> runMerged(List<Task<?>> tasks) throws Exception {
        List<MergeableWork<Object>> units = new ArrayList<>(tasks.size());
        for (Task<?> task : tasks) {
            units.add((MergeableWork<Object>) task.work);
        }
        List<Object> results = units.get(0).runAll(context, units);
        if (results.size() != units.size()) {
            throw new IllegalStateException(
                    "A merged write returned " + results.size() + " results for " + units.size() + " units");
        }
        return results;
    }

    private void commitAlone(Task<?> task) {
        try {
            Object result = task.work.run(context);
            bulk.touchTransaction();
            connection.commit();
            hooks.committed();
            complete(task, result);
        } catch (Exception e) {
            rollbackQuietly();
            task.result.completeExceptionally(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Task<T> task, Object result) {
        task.result.complete((T) result);
    }

    private void rollbackQuietly() {
        hooks.rolledBack();
        try {
            connection.rollback();
            bulk.forgetStaging();
        } catch (SQLException e) {
            log.warn("Rollback failed", e);
        }
    }

    @Override
    public void close() throws InterruptedException, SQLException {
        running = false;
        thread.join(30_000);
        Task<?> left;
        while ((left = queue.poll()) != null) {
            left.result.completeExceptionally(new StoreOverloadedException("The store is shutting down"));
        }
        connection.close();
    }

    private static final class Task<T> {
        final WriteWork<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Task(WriteWork<T> work) {
            this.work = work;
        }
    }
}
