package io.touchpoint.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.platform.MergeableWork;
import io.touchpoint.platform.StoreOverloadedException;
import io.touchpoint.platform.WriteContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded writer against a real DuckDB file. */
class GroupCommitWriterTest {

    @TempDir
    Path dir;

    private DuckDBConnection root;
    private GroupCommitWriter writer;
    private final ExecutorService callers = Executors.newFixedThreadPool(32);

    @BeforeEach
    void open() throws Exception {
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("w.duckdb"));
        try (var statement = root.createStatement()) {
            statement.execute("create table counters (id int primary key, n int not null)");
            statement.execute("insert into counters values (1, 0)");
            statement.execute("create table items (id int primary key)");
        }
        writer = new GroupCommitWriter(root.duplicate(), 10_000, 64);
    }

    @AfterEach
    void close() throws Exception {
        callers.shutdownNow();
        writer.close();
        root.close();
    }

    @Test
    void concurrentUpdatesOfTheSameRowAllCommit() throws Exception {
        // DuckDB fails concurrent transactions on the same row; through the writer none may fail.
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            results.add(callers.submit(() -> writer.submit(tx ->
                    tx.jdbc().sql("update counters set n = n + 1 where id = 1").update())));
        }
        for (Future<Integer> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(count("select n from counters where id = 1")).isEqualTo(500);
    }

    @Test
    void aFailingUnitDoesNotSinkTheOthersOfItsGroup() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        // occupy the writer so the following units queue up and commit as one group
        Future<Object> blocker = callers.submit(() -> writer.submit(tx -> {
            running.countDown();
            hold.await();
            return null;
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int id = i == 7 ? 3 : i; // unit 7 inserts id 3 again: a duplicate key
            results.add(callers.submit(() -> writer.submit(tx ->
                    tx.jdbc().sql("insert into items values (?)").param(id).update())));
        }
        org.awaitility.Awaitility.await().until(() -> writer.queued() == 20);
        hold.countDown();
        blocker.get(30, TimeUnit.SECONDS);
        int failed = 0;
        for (Future<Integer> result : results) {
            try {
                result.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
            }
        }
        assertThat(failed).isEqualTo(1);
        assertThat(count("select count(*) from items")).isEqualTo(19);
    }

    @Test
    void mergeableUnitsCommittedTogetherAreAppliedInOneCallAndEachGetsItsResult() throws Exception {
        InsertItem.calls.set(0);
        CountDownLatch hold = blockWriter();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int id = i;
            results.add(callers.submit(() -> writer.submit(new InsertItem(id))));
        }
        org.awaitility.Awaitility.await().until(() -> writer.queued() == 20);
        hold.countDown();
        for (int i = 0; i < 20; i++) {
            assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(InsertItem.calls.get()).isEqualTo(1);
        assertThat(count("select count(*) from items")).isEqualTo(20);
    }

    @Test
    void whenAMergedCallFailsEachUnitIsRetriedAloneAndOnlyTheBadOneFails() throws Exception {
        CountDownLatch hold = blockWriter();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int id = i == 7 ? 3 : i; // unit 7 inserts id 3 again: a duplicate key
            results.add(callers.submit(() -> writer.submit(new InsertItem(id))));
        }
        org.awaitility.Awaitility.await().until(() -> writer.queued() == 20);
        hold.countDown();
        int failed = 0;
        for (Future<Integer> result : results) {
            try {
                result.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
            }
        }
        assertThat(failed).isEqualTo(1);
        assertThat(count("select count(*) from items")).isEqualTo(19);
    }

    /** Occupies the writer until the returned latch is released, so the next units queue up as one group. */
    private CountDownLatch blockWriter() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        callers.submit(() -> writer.submit(tx -> {
            running.countDown();
            hold.await();
            return null;
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        return hold;
    }

    /** Inserts one item; merged, all items in one statement. Its result is the item's id. */
    private record InsertItem(int id) implements MergeableWork<Integer> {
        static final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<Integer> runAll(WriteContext tx, List<? extends MergeableWork<Integer>> units) {
            calls.incrementAndGet();
            List<Integer> ids = units.stream().map(u -> ((InsertItem) u).id()).toList();
            tx.jdbc()
                    .sql("insert into items values " + String.join(", ", Collections.nCopies(ids.size(), "(?)")))
                    .params(new ArrayList<Object>(ids))
                    .update();
            return ids;
        }
    }

    @Test
    void rollbackHooksRunWhenTheUnitsTransactionRollsBackAndNeverAfterACommit() throws Exception {
        AtomicInteger forgotten = new AtomicInteger();
        Runnable forget = forgotten::incrementAndGet;
        writer.submit(tx -> {
            tx.onRollback(forget);
            return tx.jdbc().sql("insert into items values (1)").update();
        });
        assertThat(forgotten).as("committed: the hook is dropped").hasValue(0);
        assertThatThrownBy(() -> writer.submit(tx -> {
                    tx.onRollback(forget);
                    tx.onRollback(forget); // registered twice, runs once
                    return tx.jdbc().sql("insert into items values (1)").update();
                }))
                .isInstanceOf(RuntimeException.class);
        assertThat(forgotten).hasValue(1);
        writer.submit(tx -> tx.jdbc().sql("insert into items values (2)").update());
        assertThat(forgotten)
                .as("a later commit runs nothing registered before")
                .hasValue(1);
    }

    @Test
    void aFullQueueIsRefusedAtOnce() throws Exception {
        writer.close();
        writer = new GroupCommitWriter(root.duplicate(), 1, 1);
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Future<Object> running = callers.submit(() -> writer.submit(tx -> {
            started.countDown();
            hold.await();
            return null;
        }));
        started.await(10, TimeUnit.SECONDS);
        Future<Object> queued = callers.submit(() -> writer.submit(tx -> null));
        org.awaitility.Awaitility.await().until(() -> writer.queued() == 1);
        assertThatThrownBy(() -> writer.submit(tx -> null)).isInstanceOf(StoreOverloadedException.class);
        hold.countDown();
        running.get(10, TimeUnit.SECONDS);
        queued.get(10, TimeUnit.SECONDS);
    }

    @Test
    void nestedWritesAreRefusedInsteadOfDeadlocking() {
        assertThatThrownBy(() -> writer.submit(tx -> writer.submit(inner -> null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a write unit");
    }

    @Test
    void rowsAppendedByAUnitThatFailsAreRolledBackEvenWhenTheAppendIsItsFirstStatement() throws Exception {
        // DuckDB's Appender commits on its own when no transaction is open yet
        writer.submit(tx -> {
            tx.bulk().appendNew("items", List.of("id"), List.<Object[]>of(new Object[] {43}));
            return null;
        });
        assertThatThrownBy(() -> writer.submit(tx -> {
                    tx.bulk().appendNew("items", List.of("id"), List.of(new Object[] {41}, new Object[] {42}));
                    throw new IllegalStateException("the unit fails after its append");
                }))
                .hasMessageContaining("fails after its append");
        assertThat(count("select count(*) from items")).isEqualTo(1);
    }

    @Test
    void appendingAStoredKeyFailsTheUnitAndLeavesTheStoredRowsAlone() throws Exception {
        writer.submit(tx -> {
            tx.bulk().appendNew("items", List.of("id"), List.<Object[]>of(new Object[] {1}));
            return null;
        });
        assertThatThrownBy(() -> writer.submit(tx -> {
                    tx.jdbc().sql("insert into items values (2)").update();
                    tx.bulk().appendNew("items", List.of("id"), List.of(new Object[] {3}, new Object[] {1}));
                    return null;
                }))
                .hasMessageContaining("Duplicate key");
        assertThat(count("select count(*) from items")).isEqualTo(1);
        // insertIgnoringDuplicates skips the stored key instead
        int inserted = writer.submit(tx -> tx.bulk()
                .insertIgnoringDuplicates("items", List.of("id"), List.of(new Object[] {3}, new Object[] {1})));
        assertThat(inserted).isEqualTo(1);
        assertThat(count("select count(*) from items")).isEqualTo(2);
    }

    @Test
    void aUnitThatSwallowsTheErrorOfItsAbortedTransactionFailsInsteadOfCommittingNothing() throws Exception {
        // DuckDB answers COMMIT of an aborted transaction without an error, having stored nothing
        assertThatThrownBy(() -> writer.submit(tx -> {
                    tx.jdbc().sql("insert into items values (5)").update();
                    try {
                        tx.jdbc().sql("insert into items values (5)").update();
                    } catch (RuntimeException swallowed) {
                        // the transaction is aborted now
                    }
                    return "looks fine";
                }))
                .hasMessageContaining("aborted");
        assertThat(count("select count(*) from items")).isZero();
        int inserted = writer.submit(
                tx -> tx.jdbc().sql("insert into items values (6)").update());
        assertThat(inserted).isEqualTo(1);
    }

    @Test
    void columnsLeftOutTakeTheirDefaultsOnTheAppendPath() throws Exception {
        try (var statement = root.createStatement()) {
            statement.execute("create table notes (id int, body varchar, status varchar not null default 'open')");
        }
        writer.submit(tx -> {
            tx.bulk().appendNew("notes", List.of("id", "body"), List.<Object[]>of(new Object[] {1, "a"}));
            tx.bulk()
                    .insertIgnoringDuplicates("notes", List.of("body", "id"), List.<Object[]>of(new Object[] {"b", 2}));
            return null;
        });
        assertThat(count("select count(*) from notes where status = 'open'")).isEqualTo(2);
        assertThat(count("select count(*) from notes where id = 2 and body = 'b'"))
                .isEqualTo(1);
    }

    private int count(String sql) throws Exception {
        try (Connection c = root.duplicate();
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
