package io.touchpoint.loop.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.loop.WebhookRequest;
import io.touchpoint.platform.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionRulesTest {

    static List<String> fields(WebhookRequest request, boolean creating) {
        return SubscriptionRules.check(request, creating).stream()
                .map(FieldProblem::field)
                .toList();
    }

    @Test
    void httpAndHttpsUrlsWithAHostAreAccepted() {
        assertThat(fields(new WebhookRequest("https://shop.example/hooks?x=1", null, null, null), true))
                .isEmpty();
        assertThat(fields(new WebhookRequest("http://127.0.0.1:9000/h", List.of("case.opened"), "d", true), true))
                .isEmpty();
    }

    @Test
    void otherSchemesMissingHostsAndFragmentsAreRefused() {
        assertThat(fields(new WebhookRequest("ftp://shop.example/h", null, null, null), true))
                .containsExactly("url");
        assertThat(fields(new WebhookRequest("https:///path", null, null, null), true))
                .containsExactly("url");
        assertThat(fields(new WebhookRequest("https://shop.example/h#x", null, null, null), true))
                .containsExactly("url");
        assertThat(fields(new WebhookRequest("not a url", null, null, null), true))
                .containsExactly("url");
        assertThat(fields(new WebhookRequest(null, null, null, null), true)).containsExactly("url");
    }

    @Test
    void aChangeChecksOnlyTheFieldsItCarries() {
        assertThat(fields(new WebhookRequest(null, null, null, false), false)).isEmpty();
        assertThat(fields(new WebhookRequest(null, List.of("order.eaten"), null, null), false))
                .containsExactly("eventTypes");
    }

    @Test
    void unknownOrNoEventTypesAndLongDescriptionsAreRefused() {
        assertThat(fields(new WebhookRequest("https://a.example", List.of(), "x".repeat(201), null), true))
                .containsExactly("eventTypes", "description");
    }

    @Test
    void typesAreStoredOnceEachOrAsTheWildcard() {
        assertThat(SubscriptionRules.normalise(null)).containsExactly("*");
        assertThat(SubscriptionRules.normalise(List.of("case.opened", "*"))).containsExactly("*");
        assertThat(SubscriptionRules.normalise(List.of("case.opened", "rule.fired", "case.opened")))
                .containsExactly("case.opened", "rule.fired");
    }
}
