package io.touchpoint.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class SegmentsPagesTest {

    private static LinkedMultiValueMap<String, String> form(String... namesAndValues) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    @Test
    void builderRowsBecomeRulesAndEmptyRowsAreIgnored() {
        var definition = SegmentsPages.definition(form(
                "match",
                "any",
                "rule0.type",
                "trait",
                "rule0.field",
                "city",
                "rule0.op",
                "eq",
                "rule0.value",
                "서울",
                "rule1.type",
                "",
                "rule2.type",
                "event_count",
                "rule2.field",
                "Order Delayed",
                "rule2.op",
                "gte",
                "rule2.value",
                "2",
                "rule2.days",
                "30",
                "rule3.type",
                "orders",
                "rule3.field",
                "revenue",
                "rule3.op",
                "gte",
                "rule3.value",
                "500,000"));
        assertThat(definition.match()).isEqualTo("any");
        assertThat(definition.rules()).hasSize(3);
        assertThat(definition.rules().get(0)).containsEntry("name", "city").containsEntry("value", "서울");
        assertThat(definition.rules().get(1))
                .containsEntry("event", "Order Delayed")
                .containsEntry("value", 2L)
                .containsEntry("withinDays", 30L);
        assertThat(definition.rules().get(2)).containsEntry("metric", "revenue").containsEntry("value", 500_000L);
    }

    @Test
    void anythingButAnyMeansAll() {
        var definition = SegmentsPages.definition(form(
                "match",
                "whatever",
                "rule0.type",
                "rfm",
                "rule0.op",
                "gte",
                "rule0.value",
                "12.5",
                "rule0.days",
                "10"));
        assertThat(definition.match()).isEqualTo("all");
        assertThat(definition.rules().get(0)).containsEntry("value", 12.5).doesNotContainKey("withinDays");
    }
}
