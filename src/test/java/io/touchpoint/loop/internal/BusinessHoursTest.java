package io.touchpoint.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** SLA due times in working hours: evenings, weekends, Asia/Seoul (no DST) and a zone with DST. */
class BusinessHoursTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final BusinessHours seoul = BusinessHours.weekdays(SEOUL, LocalTime.of(9, 0), LocalTime.of(18, 0));
    final BusinessHours berlin = BusinessHours.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0));

    static Instant at(ZoneId zone, String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), zone).toInstant();
    }

    @Test
    void timeWithinTheWorkingDayIsAddedAsIs() {
        // Tuesday 2026-11-24 10:00 + 4h = 14:00 the same day
        assertThat(seoul.plus(at(SEOUL, "2026-11-24T10:00"), 240)).isEqualTo(at(SEOUL, "2026-11-24T14:00"));
    }

    @Test
    void whatDoesNotFitTheEveningContinuesNextMorning() {
        // Tuesday 16:00 + 4h: 2h on Tuesday, 2h from Wednesday 09:00
        assertThat(seoul.plus(at(SEOUL, "2026-11-24T16:00"), 240)).isEqualTo(at(SEOUL, "2026-11-25T11:00"));
    }

    @Test
    void aCaseOpenedAtNightStartsCountingAtNine() {
        assertThat(seoul.plus(at(SEOUL, "2026-11-24T23:30"), 60)).isEqualTo(at(SEOUL, "2026-11-25T10:00"));
        assertThat(seoul.plus(at(SEOUL, "2026-11-25T06:00"), 60)).isEqualTo(at(SEOUL, "2026-11-25T10:00"));
    }

    @Test
    void weekendsDoNotCount() {
        // Friday 2026-11-27 17:00 + 2h: 1h Friday, 1h Monday 2026-11-30
        assertThat(seoul.plus(at(SEOUL, "2026-11-27T17:00"), 120)).isEqualTo(at(SEOUL, "2026-11-30T10:00"));
        // opened on Saturday: Monday 09:00 + 3h
        assertThat(seoul.plus(at(SEOUL, "2026-11-28T12:00"), 180)).isEqualTo(at(SEOUL, "2026-11-30T12:00"));
    }

    @Test
    void severalDaysOfWorkSpanTheWeek() {
        // 3 working days of 9h from Thursday 09:00: Thu, Fri, Mon → Monday 18:00
        assertThat(seoul.plus(at(SEOUL, "2026-11-26T09:00"), 27 * 60)).isEqualTo(at(SEOUL, "2026-11-30T18:00"));
    }

    @Test
    void theWorkingDayEndsAtItsLocalTimeOnBothSidesOfADaylightSavingChange() {
        // Europe/Berlin leaves summer time on Sunday 2026-10-25. Friday 16:00 CEST + 2h → Monday 10:00 CET
        Instant due = berlin.plus(at(BERLIN, "2026-10-23T16:00"), 120);
        assertThat(due).isEqualTo(at(BERLIN, "2026-10-26T10:00"));
        assertThat(due.atZone(BERLIN).getOffset().getTotalSeconds()).isEqualTo(3600);
        // and enters it on Sunday 2026-03-29: Friday 16:30 CET + 1h → Monday 09:30 CEST
        assertThat(berlin.plus(at(BERLIN, "2026-03-27T16:30"), 60)).isEqualTo(at(BERLIN, "2026-03-30T09:30"));
    }

    @Test
    void aWeekendWorkingDayCountsWhenConfigured() {
        BusinessHours everyDay =
                new BusinessHours(SEOUL, EnumSet.allOf(DayOfWeek.class), LocalTime.of(10, 0), LocalTime.of(20, 0));
        assertThat(everyDay.plus(at(SEOUL, "2026-11-28T19:00"), 120)).isEqualTo(at(SEOUL, "2026-11-29T11:00"));
    }

    @Test
    void workingMinutesBetweenTwoInstantsSkipNightsAndWeekends() {
        assertThat(seoul.minutesBetween(at(SEOUL, "2026-11-27T17:00"), at(SEOUL, "2026-11-30T10:00")))
                .isEqualTo(120);
        assertThat(seoul.minutesBetween(at(SEOUL, "2026-11-30T10:00"), at(SEOUL, "2026-11-27T17:00")))
                .isZero();
    }

    @Test
    void aBrokenConfigurationIsRefusedWithTheReason() {
        assertThatThrownBy(() -> BusinessHours.weekdays(SEOUL, LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("end must be after start");
        assertThatThrownBy(() -> new BusinessHours(
                        SEOUL, EnumSet.noneOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(18, 0)))
                .hasMessageContaining("at least one working day");
        assertThatThrownBy(() -> seoul.plus(Instant.EPOCH, -1)).hasMessageContaining("must not be negative");
    }
}
