package io.touchpoint.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days of a period the per-day rollups answer and which must be read from the answers
 * themselves (ADR 0024): rollups hold every day up to {@code builtThrough} except the days whose
 * answers changed since they were computed; every other day — today, later days, changed ones —
 * comes from the answers. Days are the workspace's local days. Plain Java.
 *
 * @param runs the period's days in order, as runs of consecutive days of one kind
 */
public record DayCoverage(List<Run> runs) {

    /** Consecutive days, both ends included, read from the rollups or from the answers. */
    public record Run(LocalDate from, LocalDate to, boolean rolledUp) {

        /** The run as instants in the zone: [start of {@code from}, start of the day after {@code to}). */
        public Instant start(ZoneId zone) {
            return from.atStartOfDay(zone).toInstant();
        }

        public Instant end(ZoneId zone) {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    public DayCoverage {
        runs = List.copyOf(runs);
    }

    /**
     * The coverage of the days {@code from}…{@code to}.
     *
     * @param builtThrough the last day the rollups hold, or null when there are none
     * @param changed local days whose rollups are out of date
     */
    public static DayCoverage of(LocalDate from, LocalDate to, LocalDate builtThrough, Set<LocalDate> changed) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        List<Run> runs = new ArrayList<>();
        LocalDate runStart = from;
        boolean runKind = rolledUp(from, builtThrough, changed);
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            boolean kind = rolledUp(day, builtThrough, changed);
            if (kind != runKind) {
                runs.add(new Run(runStart, day.minusDays(1), runKind));
                runStart = day;
                runKind = kind;
            }
        }
        runs.add(new Run(runStart, to, runKind));
        return new DayCoverage(runs);
    }

    private static boolean rolledUp(LocalDate day, LocalDate builtThrough, Set<LocalDate> changed) {
        return builtThrough != null && !day.isAfter(builtThrough) && !changed.contains(day);
    }

    /**
     * The local days in {@code zone} that overlap these UTC dates: a UTC date covers parts of two
     * local days in most zones (three around a daylight-saving change).
     */
    public static Set<LocalDate> localDays(Collection<LocalDate> utcDays, ZoneId zone) {
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate utc : utcDays) {
            Instant start = utc.atStartOfDay(ZoneOffset.UTC).toInstant();
            LocalDate first = LocalDate.ofInstant(start, zone);
            LocalDate last = LocalDate.ofInstant(start.plusSeconds(86_400).minusNanos(1), zone);
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return days;
    }

    public List<Run> rolledUp() {
        return runs.stream().filter(Run::rolledUp).toList();
    }

    public List<Run> raw() {
        return runs.stream().filter(r -> !r.rolledUp()).toList();
    }

    /** Whether the rollups answer at least one day. */
    public boolean usesRollups() {
        return runs.stream().anyMatch(Run::rolledUp);
    }
}
