package io.touchpoint.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WidgetTargetingTest {

    private static final UUID SURVEY = UUID.fromString("0190a1b2-0000-7000-8000-000000000001");

    private static SurveyWidget widget(String pattern, String event, int pct) {
        return new SurveyWidget(SURVEY, true, pattern, event, 0, pct, null, null);
    }

    @Test
    void aPatternWithALeadingSlashMatchesThePathWithoutQueryOrFragment() {
        assertThat(WidgetTargeting.urlMatches("/orders/*", "https://shop.example/orders/123?utm=x#top"))
                .isTrue();
        assertThat(WidgetTargeting.urlMatches("/orders", "https://shop.example/orders?utm=x"))
                .isTrue();
        assertThat(WidgetTargeting.urlMatches("/orders/*", "https://shop.example/cart"))
                .isFalse();
        assertThat(WidgetTargeting.urlMatches("/orders/*", "https://shop.example/my/orders/1"))
                .isFalse();
        assertThat(WidgetTargeting.urlMatches("/", "https://shop.example")).isTrue();
        assertThat(WidgetTargeting.urlMatches("/", "https://shop.example?x=1")).isTrue();
    }

    @Test
    void aPatternWithAQuestionMarkAlsoMatchesTheQuery() {
        assertThat(WidgetTargeting.urlMatches("/search?q=*", "https://shop.example/search?q=shoes"))
                .isTrue();
        assertThat(WidgetTargeting.urlMatches("/search?q=*", "https://shop.example/search"))
                .isFalse();
    }

    @Test
    void anyOtherPatternMatchesTheWholeAddressIgnoringCase() {
        assertThat(WidgetTargeting.urlMatches("*checkout*", "https://shop.example/Checkout/done"))
                .isTrue();
        assertThat(WidgetTargeting.urlMatches("https://shop.example/*", "https://shop.example/a"))
                .isTrue();
        assertThat(WidgetTargeting.urlMatches("https://shop.example/*", "https://other.example/a"))
                .isFalse();
        assertThat(WidgetTargeting.urlMatches("*주문*", "https://shop.example/주문/1"))
                .isTrue();
    }

    @Test
    void regexCharactersInAPatternAreLiteral() {
        assertThat(WidgetTargeting.urlMatches("/a.b/(x)+", "https://s.example/a.b/(x)+"))
                .isTrue();
        assertThat(WidgetTargeting.urlMatches("/a.b/*", "https://s.example/aXb/1"))
                .isFalse();
    }

    @Test
    void noPatternMatchesEveryPage() {
        assertThat(WidgetTargeting.urlMatches(null, "https://shop.example/x")).isTrue();
        assertThat(WidgetTargeting.urlMatches(" ", null)).isTrue();
        assertThat(WidgetTargeting.urlMatches("/x", null)).isFalse();
    }

    @Test
    void anEventRuleNeedsTheEventTrackedInThisPage() {
        SurveyWidget w = widget("/orders/*", "Order Completed", 100);
        assertThat(WidgetTargeting.check(w, "https://s.example/orders/1", Set.of("Order Completed"), "u:1"))
                .isEmpty();
        assertThat(WidgetTargeting.check(w, "https://s.example/orders/1", Set.of("Product Viewed"), "u:1"))
                .get()
                .extracting(WidgetTargeting.Miss::code)
                .isEqualTo("event");
        assertThat(WidgetTargeting.check(w, "https://s.example/cart", Set.of("Order Completed"), "u:1"))
                .get()
                .extracting(WidgetTargeting.Miss::code)
                .isEqualTo("url");
    }

    @Test
    void aDisabledWidgetNeverMatches() {
        SurveyWidget off = new SurveyWidget(SURVEY, false, null, null, 0, 100, null, null);
        assertThat(WidgetTargeting.check(off, "https://s.example/", List.of(), "u:1"))
                .get()
                .extracting(WidgetTargeting.Miss::code)
                .isEqualTo("disabled");
    }

    @Test
    void samplingIsDeterministicPerPersonAndNearItsShare() {
        List<String> people =
                IntStream.range(0, 2000).mapToObj(i -> "a:visitor-" + i).toList();
        long in = people.stream()
                .filter(p -> WidgetTargeting.sampled(SURVEY, p, 30))
                .count();
        assertThat(in).isBetween(500L, 700L);
        for (String p : people.subList(0, 50)) {
            assertThat(WidgetTargeting.sampled(SURVEY, p, 30)).isEqualTo(WidgetTargeting.sampled(SURVEY, p, 30));
        }
        assertThat(people.stream().allMatch(p -> WidgetTargeting.sampled(SURVEY, p, 100)))
                .isTrue();
    }

    @Test
    void theSamplingKeyPrefersTheUserId() {
        assertThat(WidgetTargeting.personKey("u1", "anon")).isEqualTo("u:u1");
        assertThat(WidgetTargeting.personKey(null, "anon")).isEqualTo("a:anon");
    }
}
