package io.touchpoint.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A case's SLA state from its opening, due and done times. */
class SlaStateTest {

    static final Instant OPENED = Instant.parse("2026-11-24T00:00:00Z");
    static final Instant DUE = Instant.parse("2026-11-24T04:00:00Z");

    @Test
    void anOpenCaseIsOnTrackThenAtRiskForItsLastQuarterThenBreached() {
        assertThat(SlaState.of(OPENED, DUE, null, OPENED.plusSeconds(3600))).isEqualTo(SlaState.ON_TRACK);
        assertThat(SlaState.of(OPENED, DUE, null, OPENED.plusSeconds(3 * 3600))).isEqualTo(SlaState.AT_RISK);
        assertThat(SlaState.of(OPENED, DUE, null, DUE.plusSeconds(1))).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void aDoneCaseMetOrBreachedItsSlaForGood() {
        Instant later = DUE.plusSeconds(86_400);
        assertThat(SlaState.of(OPENED, DUE, DUE.minusSeconds(60), later)).isEqualTo(SlaState.MET);
        assertThat(SlaState.of(OPENED, DUE, DUE.plusSeconds(60), later)).isEqualTo(SlaState.BREACHED);
        assertThat(SlaState.of(OPENED, null, null, later)).isEqualTo(SlaState.NONE);
    }
}
