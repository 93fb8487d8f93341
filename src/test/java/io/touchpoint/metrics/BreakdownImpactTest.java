package io.touchpoint.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Breakdown rows sorted by how much each group moves the overall score. */
class BreakdownImpactTest {

    @Test
    void groupsAreSortedByTheSizeOfTheirImpactOnTheOverallScore() {
        // email: 10, 9, 7, 3 → NPS 25 (n 4); widget: 0, 10 → 0 (n 2); app: 10 → 100 (n 1)
        Tally email = nps(10, 9, 7, 3);
        Tally widget = nps(0, 10);
        Tally app = nps(10);
        Tally overall = new Tally(Tally.Kind.NPS);
        overall.addAll(email);
        overall.addAll(widget);
        overall.addAll(app);
        // overall: 4 promoters, 1 passive, 2 detractors of 7 → 28.57
        List<Map<String, Object>> groups = new ArrayList<>(List.of(
                group("email", email),
                group("widget", widget),
                group("app", app),
                group("sms", new Tally(Tally.Kind.NPS))));
        List<Map<String, Object>> sorted = FeedbackMetrics.byImpact(groups, overall);
        // app: 1/7 × (100 − 28.57) = 10.2; widget: 2/7 × (0 − 28.57) = −8.16; email: 4/7 × (25 − 28.57) = −2.04
        assertThat(sorted.stream().map(g -> g.get("key"))).containsExactly("app", "widget", "email", "sms");
        assertThat((Double) sorted.get(0).get("impact")).isEqualTo(10.2);
        assertThat((Double) sorted.get(1).get("impact")).isEqualTo(-8.16);
        assertThat(sorted.get(3).get("impact")).isNull();
    }

    private static Tally nps(int... scores) {
        Tally t = new Tally(Tally.Kind.NPS);
        for (int s : scores) {
            t.add(s, 10, false, 1);
        }
        return t;
    }

    private static Map<String, Object> group(String key, Tally t) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("key", key);
        g.putAll(t.fields());
        return g;
    }
}
