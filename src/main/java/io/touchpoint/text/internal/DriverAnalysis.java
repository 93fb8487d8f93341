package io.touchpoint.text.internal;

import io.touchpoint.text.KeyDrivers;
import io.touchpoint.text.Sentiment;
import io.touchpoint.text.SuggestedTheme;
import io.touchpoint.text.ThemeDefinition;
import io.touchpoint.text.ThemeDriver;
import io.touchpoint.text.ThemeStats;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Key drivers from analysed comments, in plain Java: per theme its volume, sentiment, impact on NPS,
 * weekly share and emergence, plus discovered phrases that the taxonomy does not cover.
 */
final class DriverAnalysis {

    static final Duration LATEST = Duration.ofDays(7);
    static final Duration BASELINE = Duration.ofDays(28);
    static final int EMERGING_MIN_COUNT = 5;
    static final int SUGGESTIONS = 12;
    static final int DISCOVERY_MIN_COUNT = 5;
    static final double ALPHA0 = 500;
    private static final int EXAMPLES = 3;

    private DriverAnalysis() {}

    /** Rows of one period, with its bounds. */
    record Period(LocalDate from, LocalDate to, Instant start, Instant end, ZoneId zone) {

        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    static List<ThemeStats> stats(List<CommentRepository.Row> rows, List<ThemeDefinition> themes) {
        List<ThemeStats> result = new ArrayList<>();
        for (ThemeDefinition theme : themes) {
            List<CommentRepository.Row> mentioning =
                    rows.stream().filter(r -> r.themes().contains(theme.id())).toList();
            result.add(new ThemeStats(
                    theme,
                    mentioning.size(),
                    share(mentioning.size(), rows.size()),
                    mean(mentioning),
                    share(negatives(mentioning), mentioning.size())));
        }
        return result;
    }

    /**
     * @param rows    comments from four weeks before the period's end (or the period's start, if
     *                earlier) up to its end, oldest first
     * @param all     NPS answers of every response in the period
     */
    static KeyDrivers drivers(
            List<CommentRepository.Row> rows,
            DriverMaths.Tally all,
            List<ThemeDefinition> themes,
            ThemeTaxonomy taxonomy,
            Period period) {
        List<CommentRepository.Row> inPeriod =
                rows.stream().filter(r -> period.contains(r.respondedAt())).toList();
        Map<UUID, Integer> npsByResponse = new HashMap<>();
        Map<UUID, Set<String>> themesByResponse = new HashMap<>();
        for (CommentRepository.Row r : inPeriod) {
            if (r.nps() != null) {
                npsByResponse.put(r.responseId(), r.nps());
                themesByResponse
                        .computeIfAbsent(r.responseId(), k -> new HashSet<>())
                        .addAll(r.themes());
            }
        }
        List<LocalDate> weeks = weeks(period);
        Map<LocalDate, Integer> commentsByWeek = new LinkedHashMap<>();
        weeks.forEach(w -> commentsByWeek.put(w, 0));
        for (CommentRepository.Row r : inPeriod) {
            commentsByWeek.merge(week(r.respondedAt(), period.zone()), 1, Integer::sum);
        }
        List<ThemeDriver> drivers = new ArrayList<>();
        for (ThemeDefinition theme : themes) {
            List<CommentRepository.Row> mentioning = inPeriod.stream()
                    .filter(r -> r.themes().contains(theme.id()))
                    .toList();
            long n = 0;
            long promoters = 0;
            long detractors = 0;
            for (Map.Entry<UUID, Set<String>> e : themesByResponse.entrySet()) {
                if (e.getValue().contains(theme.id())) {
                    int score = npsByResponse.get(e.getKey());
                    n++;
                    promoters += score >= 9 ? 1 : 0;
                    detractors += score <= 6 ? 1 : 0;
                }
            }
            DriverMaths.Tally with = new DriverMaths.Tally(n, promoters, detractors);
            DriverMaths.Impact impact = with.n() <= all.n() ? DriverMaths.impact(all, with) : null;
            drivers.add(new ThemeDriver(
                    theme.id(),
                    theme.nameEn(),
                    theme.nameKo(),
                    mentioning.size(),
                    share(mentioning.size(), inPeriod.size()),
                    mean(mentioning),
                    share(negatives(mentioning), mentioning.size()),
                    with.n(),
                    points(with.nps()),
                    impact == null ? null : points(impact.value()),
                    impact == null ? null : points(impact.low()),
                    impact == null ? null : points(impact.high()),
                    trend(mentioning, commentsByWeek, period.zone()),
                    emergence(rows, theme.id(), period.end()),
                    examples(mentioning, impact)));
        }
        drivers.sort(Comparator.comparing((ThemeDriver d) -> d.impact() == null ? Double.MAX_VALUE : d.impact())
                .thenComparing(d -> -d.volume()));
        return new KeyDrivers(
                period.from(),
                period.to(),
                points(all.nps()),
                all.n(),
                inPeriod.size(),
                drivers,
                suggestions(inPeriod, taxonomy));
    }

    /** Each theme's rise in the seven days before {@code asOf} against the four weeks before. */
    static ThemeDriver.Emergence emergence(List<CommentRepository.Row> rows, String theme, Instant asOf) {
        Instant latestFrom = asOf.minus(LATEST);
        Instant baselineFrom = latestFrom.minus(BASELINE);
        int x1 = 0;
        int n1 = 0;
        int x0 = 0;
        int n0 = 0;
        for (CommentRepository.Row r : rows) {
            Instant at = r.respondedAt();
            if (at.isBefore(baselineFrom) || !at.isBefore(asOf)) {
                continue;
            }
            boolean has = r.themes().contains(theme);
            if (at.isBefore(latestFrom)) {
                n0++;
                x0 += has ? 1 : 0;
            } else {
                n1++;
                x1 += has ? 1 : 0;
            }
        }
        DriverMaths.Rise rise = DriverMaths.rise(x1, n1, x0, n0, EMERGING_MIN_COUNT);
        if (rise == null) {
            return new ThemeDriver.Emergence(x1, n1, share(x1, n1), share(x0, n0), 0, false);
        }
        return new ThemeDriver.Emergence(
                x1, n1, round(rise.latestShare()), round(rise.baselineShare()), round(rise.z()), rise.emerging());
    }

    static List<SuggestedTheme> suggestions(List<CommentRepository.Row> rows, ThemeTaxonomy taxonomy) {
        List<List<String>> detractors = new ArrayList<>();
        List<List<String>> promoters = new ArrayList<>();
        List<List<String>> background = new ArrayList<>();
        for (CommentRepository.Row r : rows) {
            background.add(r.keyphrases());
            if (r.nps() != null && r.nps() <= 6) {
                detractors.add(r.keyphrases());
            } else if (r.nps() != null && r.nps() >= 9) {
                promoters.add(r.keyphrases());
            }
        }
        return ThemeDiscovery.logOdds(detractors, promoters, background, ALPHA0, DISCOVERY_MIN_COUNT).stream()
                .filter(s -> Math.abs(s.z()) >= DriverMaths.Z95)
                .filter(s -> !taxonomy.covers(s.phrase()))
                .sorted(Comparator.comparingDouble((ThemeDiscovery.Scored s) -> -Math.abs(s.z())))
                .limit(SUGGESTIONS)
                .map(s -> new SuggestedTheme(s.phrase(), s.detractorCount(), s.promoterCount(), round(s.z())))
                .toList();
    }

    private static List<ThemeDriver.Week> trend(
            List<CommentRepository.Row> mentioning, Map<LocalDate, Integer> commentsByWeek, ZoneId zone) {
        Map<LocalDate, Integer> counts = new HashMap<>();
        for (CommentRepository.Row r : mentioning) {
            counts.merge(week(r.respondedAt(), zone), 1, Integer::sum);
        }
        List<ThemeDriver.Week> trend = new ArrayList<>();
        commentsByWeek.forEach((week, comments) -> {
            int count = counts.getOrDefault(week, 0);
            trend.add(new ThemeDriver.Week(week, count, comments, round(share(count, comments))));
        });
        return trend;
    }

    /** The most negative comments of a theme that pulls NPS down, the most positive of one that lifts it. */
    private static List<String> examples(List<CommentRepository.Row> mentioning, DriverMaths.Impact impact) {
        boolean down = impact == null || impact.value() <= 0;
        Comparator<CommentRepository.Row> order = Comparator.comparingDouble(CommentRepository.Row::score);
        return mentioning.stream()
                .sorted(down ? order : order.reversed())
                .map(CommentRepository.Row::redacted)
                .distinct()
                .limit(EXAMPLES)
                .toList();
    }

    static List<LocalDate> weeks(Period period) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate w = monday(period.from()); !w.isAfter(period.to()); w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        return weeks;
    }

    static LocalDate week(Instant at, ZoneId zone) {
        return monday(at.atZone(zone).toLocalDate());
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Double mean(List<CommentRepository.Row> rows) {
        return rows.isEmpty()
                ? null
                : round(rows.stream()
                        .mapToDouble(CommentRepository.Row::score)
                        .average()
                        .orElse(0));
    }

    private static long negatives(List<CommentRepository.Row> rows) {
        return rows.stream().filter(r -> r.sentiment() == Sentiment.NEGATIVE).count();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static Double points(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
