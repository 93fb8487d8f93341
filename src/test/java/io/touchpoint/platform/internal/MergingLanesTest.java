package io.touchpoint.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.platform.MergeableWork;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.platform.WriteWork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The combining of concurrent callers' units, with transactions that only record what they ran. */
class MergingLanesTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    /** Transactions: how many units each one applied; a failed one is recorded too. */
    private final List<Integer> transactions = Collections.synchronizedList(new ArrayList<>());

    /** The first transaction waits here, so that the others' units queue behind it. */
    private final CountDownLatch release = new CountDownLatch(1);

    private final MergingLanes lanes = new MergingLanes(
            new MergingLanes.Transactions() {
                @Override
                public <T> T run(WriteWork<T> work) {
                    try {
                        return work.run(null);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            },
            8);

    /** Doubles its number; refuses 13, which sinks any group it is in. */
    private final class Doubling implements MergeableWork<Integer> {
        private final int n;
        private final boolean waitFirst;

        Doubling(int n, boolean waitFirst) {
            this.n = n;
            this.waitFirst = waitFirst;
        }

        @Override
        public List<Integer> runAll(WriteContext tx, List<? extends MergeableWork<Integer>> units) throws Exception {
            transactions.add(units.size());
            if (waitFirst && units.size() == 1 && transactions.size() == 1) {
                release.await(10, TimeUnit.SECONDS);
            }
            List<Integer> results = new ArrayList<>();
            for (MergeableWork<Integer> unit : units) {
                int value = ((Doubling) unit).n;
                if (value == 13) {
                    throw new IllegalArgumentException("13 is refused");
                }
                results.add(value * 2);
            }
            return results;
        }
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aLoneUnitIsAppliedAtOnceInItsOwnTransaction() {
        assertThat(lanes.submit(new Doubling(4, false))).isEqualTo(8);
        assertThat(transactions).containsExactly(1);
    }

    @Test
    void unitsThatQueueWhileAGroupIsAppliedAreCommittedTogetherEachGettingItsOwnResult() throws Exception {
        Future<Integer> first = callers.submit(() -> lanes.submit(new Doubling(1, true)));
        waitUntil(() -> transactions.size() == 1);
        List<Future<Integer>> others = new ArrayList<>();
        for (int n = 2; n <= 11; n++) {
            int value = n;
            others.add(callers.submit(() -> lanes.submit(new Doubling(value, false))));
        }
        waitUntil(() -> lanes.waiting(Doubling.class) == 10);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        for (int i = 0; i < others.size(); i++) {
            assertThat(others.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i + 2) * 2);
        }
        // the ten queued units: a group of at most 8, then the other 2
        assertThat(transactions).containsExactly(1, 8, 2);
    }

    @Test
    void aFailingUnitSinksOnlyItselfItsGroupIsAppliedAgainOneByOne() throws Exception {
        Future<Integer> first = callers.submit(() -> lanes.submit(new Doubling(1, true)));
        waitUntil(() -> transactions.size() == 1);
        Future<Integer> two = callers.submit(() -> lanes.submit(new Doubling(2, false)));
        waitUntil(() -> lanes.waiting(Doubling.class) == 1);
        Future<Integer> bad = callers.submit(() -> lanes.submit(new Doubling(13, false)));
        waitUntil(() -> lanes.waiting(Doubling.class) == 2);
        Future<Integer> three = callers.submit(() -> lanes.submit(new Doubling(3, false)));
        waitUntil(() -> lanes.waiting(Doubling.class) == 3);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(two.get(10, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(three.get(10, TimeUnit.SECONDS)).isEqualTo(6);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("13 is refused");
        // the group of three failed, then each was applied alone
        assertThat(transactions).containsExactly(1, 3, 1, 1, 1);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(5);
        }
    }
}
