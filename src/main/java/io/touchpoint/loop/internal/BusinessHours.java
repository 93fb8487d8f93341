package io.touchpoint.loop.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Working time in a workspace's time zone: which days, from when to when. Adds business minutes to
 * an instant (an SLA's due time). Days are walked in local time and each day's window is turned
 * into instants by the zone's rules, so a daylight-saving change shortens or lengthens that day's
 * window by exactly the hour that was skipped or repeated.
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    /** Longest walk: ten years of days, far beyond any SLA, in case of an odd configuration. */
    private static final int MAX_DAYS = 3660;

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("days must name at least one working day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start, was " + start + "–" + end);
        }
    }

    public static BusinessHours weekdays(ZoneId zone, LocalTime start, LocalTime end) {
        return new BusinessHours(
                zone,
                EnumSet.of(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                start,
                end);
    }

    /** The instant at which {@code minutes} of working time have passed after {@code from}. */
    public Instant plus(Instant from, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative, was " + minutes);
        }
        Duration remaining = Duration.ofMinutes(minutes);
        Instant cursor = from;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, start, zone).toInstant();
            Instant close = ZonedDateTime.of(day, end, zone).toInstant();
            if (cursor.isBefore(open)) {
                cursor = open;
            }
            if (!cursor.isBefore(close)) {
                continue;
            }
            Duration available = Duration.between(cursor, close);
            if (remaining.compareTo(available) <= 0) {
                return cursor.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("no working time found within " + MAX_DAYS + " days");
    }

    /** Working minutes between two instants (zero when {@code to} is not after {@code from}). */
    public long minutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long total = 0;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, start, zone).toInstant();
            Instant close = ZonedDateTime.of(day, end, zone).toInstant();
            Instant a = open.isAfter(from) ? open : from;
            Instant b = close.isBefore(to) ? close : to;
            if (b.isAfter(a)) {
                total += Duration.between(a, b).toMinutes();
            }
        }
        return total;
    }
}
