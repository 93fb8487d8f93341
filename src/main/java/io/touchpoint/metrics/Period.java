package io.touchpoint.metrics;

import io.touchpoint.platform.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A run of whole days in a workspace's time zone ({@code to} inclusive), with the instants that bound
 * it and the previous period of the same length.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    public Period {
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) > 3660) {
            throw new InvalidInputException("from", "the period may be at most 10 years");
        }
    }

    /** The given dates, or the last 90 days up to today (in the zone) where they are missing. */
    public static Period resolve(LocalDate from, LocalDate to, ZoneId zone, Clock clock) {
        LocalDate end = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        LocalDate start = from == null ? end.minusDays(89) : from;
        return new Period(start, end, zone);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The period of the same length just before this one. */
    public Period previous() {
        LocalDate previousTo = from.minusDays(1);
        return new Period(previousTo.minusDays(days() - 1), previousTo, zone);
    }

    /** The period of the same length just after this one. */
    public Period next() {
        LocalDate nextFrom = to.plusDays(1);
        return new Period(nextFrom, nextFrom.plusDays(days() - 1), zone);
    }
}
