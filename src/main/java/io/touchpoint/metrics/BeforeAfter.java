package io.touchpoint.metrics;

import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.workspace.Workspaces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Every KPI in two equal windows around a change: the {@code days} before the date and the {@code
 * days} from the date on, each with its interval and n, and whether the difference is significant
 * at 95% (the tests of {@link Intervals}).
 */
@Service
public class BeforeAfter {

    /** The KPIs compared, in display order. */
    public static final List<String> KPIS = List.of(
            "nps",
            "csat",
            "ces",
            "aov",
            "purchaseFrequency",
            "repeatRate",
            "pagesPerSession",
            "emailOpenRate",
            "emailClickRate");

    static final int DEFAULT_DAYS = 28;

    private final FeedbackMetrics feedback;
    private final LoyaltyMetrics loyalty;
    private final Workspaces workspaces;
    private final Clock clock;

    BeforeAfter(FeedbackMetrics feedback, LoyaltyMetrics loyalty, Workspaces workspaces, Clock clock) {
        this.feedback = feedback;
        this.loyalty = loyalty;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /**
     * @param days the window length; by default 28 days, or fewer when the after window would
     *     otherwise run past today
     */
    public Map<String, Object> compare(UUID workspaceId, LocalDate date, Integer days) {
        ZoneId zone = workspaces.get(workspaceId).timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (date == null) {
            throw new InvalidInputException("date", "is required, e.g. 2026-11-01");
        }
        List<FieldProblem> problems = new ArrayList<>();
        long available = ChronoUnit.DAYS.between(date, today) + 1;
        if (available < 1) {
            problems.add(new FieldProblem("date", "must not be in the future"));
        }
        int length = days != null ? days : (int) Math.max(1, Math.min(DEFAULT_DAYS, available));
        if (length < 1 || length > 366) {
            problems.add(new FieldProblem("days", "must be between 1 and 366"));
        } else if (available >= 1 && length > available) {
            problems.add(new FieldProblem(
                    "days", "the window after the date would end after today (at most " + available + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The comparison is not valid", problems);
        }
        Period after = new Period(date, date.plusDays(length - 1), zone);
        Period before = after.previous();
        String currency = loyalty.currency(workspaceId, null);

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Tally.Kind kind : Tally.Kind.values()) {
            Tally b = feedback.total(workspaceId, kind, before);
            Tally a = feedback.total(workspaceId, kind, after);
            rows.add(row(
                    kind.name().toLowerCase(java.util.Locale.ROOT),
                    b.fields(),
                    a.fields(),
                    b.value(),
                    a.value(),
                    a.differsFrom(b)));
        }
        Map<String, Measure> b = loyalty.measures(workspaceId, before, currency);
        Map<String, Measure> a = loyalty.measures(workspaceId, after, currency);
        b.forEach((key, m) -> rows.add(row(
                key,
                m.fields(),
                a.get(key).fields(),
                m.value(),
                a.get(key).value(),
                a.get(key).differsFrom(m))));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", date.toString());
        out.put("days", length);
        out.put(
                "before",
                Map.of("from", before.from().toString(), "to", before.to().toString()));
        out.put(
                "after",
                Map.of("from", after.from().toString(), "to", after.to().toString()));
        out.put("currency", currency);
        out.put("kpis", rows);
        return out;
    }

    private static Map<String, Object> row(
            String key,
            Map<String, Object> before,
            Map<String, Object> after,
            Double b,
            Double a,
            boolean significant) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kpi", key);
        row.put("before", before);
        row.put("after", after);
        row.put("change", a == null || b == null ? null : Tally.round(a - b));
        row.put("significant", a != null && b != null && significant);
        return row;
    }
}
