package io.touchpoint.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentMessageIdsTest {

    private final UUID shop = UUID.fromString("01900000-0000-7000-8000-000000000001");
    private final UUID other = UUID.fromString("01900000-0000-7000-8000-000000000002");

    @Test
    void remembersWhatWasAddedPerWorkspace() {
        RecentMessageIds recent = new RecentMessageIds(100);
        recent.add(shop, "m-1");
        assertThat(recent.mightContain(shop, "m-1")).isTrue();
        assertThat(recent.mightContain(shop, "m-2")).isFalse();
        assertThat(recent.mightContain(other, "m-1"))
                .as("another workspace's message")
                .isFalse();
        recent.add(shop, "m-1");
        assertThat(recent.size()).as("added twice, held once").isEqualTo(1);
    }

    @Test
    void keepsTheLastTwoGenerationsAndForgetsTheOldest() {
        RecentMessageIds recent = new RecentMessageIds(1_000);
        for (int i = 0; i < 2_000; i++) {
            recent.add(shop, "m-" + i);
        }
        for (int i = 0; i < 2_000; i++) {
            assertThat(recent.mightContain(shop, "m-" + i)).as("m-" + i).isTrue();
        }
        recent.add(shop, "m-2000"); // the newer generation is full: the oldest thousand go
        assertThat(recent.size()).isEqualTo(1_001);
        assertThat(recent.mightContain(shop, "m-0")).isFalse();
        assertThat(recent.mightContain(shop, "m-999")).isFalse();
        assertThat(recent.mightContain(shop, "m-1000")).isTrue();
        assertThat(recent.mightContain(shop, "m-2000")).isTrue();
    }

    @Test
    void fingerprintsOfNearbyIdsDiffer() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(RecentMessageIds.fingerprint(shop, "msg-" + i));
            seen.add(RecentMessageIds.fingerprint(other, "msg-" + i));
        }
        assertThat(seen).hasSize(200_000);
    }
}
