package io.touchpoint.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.feedback.AnswerValue;
import io.touchpoint.feedback.ContactRules;
import io.touchpoint.feedback.SurveyDefinition;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The plain-Java rules of the feedback module: survey checks, answers, skip logic, contact rules, links. */
class FeedbackRulesTest {

    private static final SurveyDefinition CSAT = SurveyParser.parse(
            Json.read(
                    """
            {"name":"CSAT","defaultLanguage":"en","questions":[
              {"id":"s","type":"csat","scale":7,"text":{"en":"Satisfied?","ko":"만족?"}},
              {"id":"ces","type":"ces","direction":"higher_is_harder","text":{"en":"Hard?"}},
              {"id":"why","type":"text","maxLength":10,"showIf":{"question":"s","max":3},"text":{"en":"Why?"}}]}
            """));

    private static Map<String, JsonNode> answers(String json) {
        Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
        Json.read(json).properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    @Test
    void parsesDefaultsScalesAndDirections() {
        assertThat(CSAT.questions().get(0).max()).isEqualTo(7);
        assertThat(CSAT.questions().get(1).max()).isEqualTo(7);
        assertThat(CSAT.questions().get(1).reversed()).isTrue();
        assertThat(CSAT.questions().get(0).required()).isTrue();
        assertThat(CSAT.questions().get(2).required()).isFalse();
        assertThat(CSAT.languages()).containsExactly("en", "ko");
    }

    @Test
    void refusesASkipRuleOnALaterOrTextQuestion() {
        assertThatThrownBy(
                        () -> SurveyParser.parse(
                                Json.read(
                                        """
                        {"name":"x","defaultLanguage":"en","questions":[
                          {"id":"n","type":"nps","text":{"en":"?"}},
                          {"id":"a","type":"text","text":{"en":"?"}},
                          {"id":"b","type":"nps","text":{"en":"?"},"showIf":{"question":"a","max":3}},
                          {"id":"c","type":"nps","text":{"en":"?"},"showIf":{"question":"d","min":9}},
                          {"id":"d","type":"nps","text":{"en":"?"},"showIf":{"question":"n"}}]}
                        """)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactlyInAnyOrder(
                                "questions[2].showIf.question", "questions[3].showIf.question", "questions[4].showIf"));
    }

    @Test
    void scoresAreCheckedAgainstTheQuestionsScale() {
        List<AnswerValue> rows = AnswerRules.check(CSAT, answers("{\"s\":7,\"ces\":1}"), true);
        assertThat(rows).extracting(AnswerValue::number).containsExactly(7.0, 1.0);
        assertThat(rows.get(1).reversed()).isTrue();
        assertThat(rows.get(0).scaleMax()).isEqualTo(7);
        assertThatThrownBy(() -> AnswerRules.check(CSAT, answers("{\"s\":8,\"ces\":0}"), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactly("answers.s", "answers.ces"));
    }

    @Test
    void skipLogicHidesAndRequiresOnlyWhatIsShown() {
        // 3 is within "at most 3": the why question is shown and may be answered
        assertThat(AnswerRules.check(CSAT, answers("{\"s\":3,\"ces\":2,\"why\":\"slow\"}"), true))
                .hasSize(3);
        // 4 hides it
        assertThatThrownBy(() -> AnswerRules.check(CSAT, answers("{\"s\":4,\"ces\":2,\"why\":\"slow\"}"), true))
                .isInstanceOf(InvalidInputException.class);
        assertThat(AnswerRules.next(CSAT, "ces", Map.of("s", 4.0))).isEmpty();
        assertThat(AnswerRules.next(CSAT, "ces", Map.of("s", 3.0)).orElseThrow().id())
                .isEqualTo("why");
        // a partial response need not have the required ones yet; a complete one must
        assertThat(AnswerRules.check(CSAT, answers("{\"s\":5}"), false)).hasSize(1);
        assertThatThrownBy(() -> AnswerRules.check(CSAT, answers("{\"s\":5}"), true))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AnswerRules.check(CSAT, answers("{\"s\":2,\"ces\":2,\"why\":\"01234567890\"}"), true))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void npsOutcomeBoundaries() {
        assertThat(AnswerRules.outcome(6.0)).contains("detractor");
        assertThat(AnswerRules.outcome(7.0)).contains("passive");
        assertThat(AnswerRules.outcome(8.0)).contains("passive");
        assertThat(AnswerRules.outcome(9.0)).contains("promoter");
        assertThat(AnswerRules.outcome(null)).isEmpty();
    }

    @Test
    void contactRulesSayWhyNot() {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        UUID nps = UUID.randomUUID();
        UUID csat = UUID.randomUUID();
        ContactRules rules = new ContactRules(14, 2, 90, null);
        var threeDaysAgo = new ContactPolicy.Contact(nps, "NPS", "email", now.minus(Duration.ofDays(3)));
        var refusal = ContactPolicy.check(rules, csat, null, List.of(threeDaysAgo), now);
        assertThat(refusal).isPresent();
        assertThat(refusal.get().code()).isEqualTo("cooldown");
        assertThat(refusal.get().detail()).contains("3 days ago").contains("\"NPS\"");

        var fifteenDaysAgo = new ContactPolicy.Contact(nps, "NPS", "email", now.minus(Duration.ofDays(15)));
        assertThat(ContactPolicy.check(rules, csat, null, List.of(fifteenDaysAgo), now))
                .isEmpty();
        assertThat(ContactPolicy.check(rules, nps, 30, List.of(fifteenDaysAgo), now))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("recontact"));
        var older = new ContactPolicy.Contact(csat, "CSAT", "widget", now.minus(Duration.ofDays(40)));
        assertThat(ContactPolicy.check(rules, csat, null, List.of(fifteenDaysAgo, older), now))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("max_per_period"));
    }

    @Test
    void linksAreSignedExpireAndCannotBeMovedToAnotherWorkspace() {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes();
        byte[] other = "fedcba9876543210fedcba9876543210".getBytes();
        UUID ws = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        var claims = new LinkTokens.Claims(
                ws, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, now.plusSeconds(60), true, "ko");
        String token = LinkTokens.issue(claims, key);
        assertThat(LinkTokens.verify(token, id -> key, now)).isEqualTo(claims);
        assertThatThrownBy(() -> LinkTokens.verify(token, id -> key, now.plusSeconds(61)))
                .isInstanceOfSatisfying(LinkTokens.InvalidLinkException.class, e -> assertThat(e.reason())
                        .isEqualTo("expired"));
        assertThatThrownBy(() -> LinkTokens.verify(token, id -> other, now))
                .isInstanceOfSatisfying(LinkTokens.InvalidLinkException.class, e -> assertThat(e.reason())
                        .isEqualTo("forged"));
        assertThatThrownBy(() -> LinkTokens.verify(token, id -> null, now))
                .isInstanceOf(LinkTokens.InvalidLinkException.class);
        char last = token.charAt(10);
        String flipped = token.substring(0, 10) + (last == 'A' ? 'B' : 'A') + token.substring(11);
        assertThatThrownBy(() -> LinkTokens.verify(flipped, id -> key, now))
                .isInstanceOf(LinkTokens.InvalidLinkException.class);
        assertThatThrownBy(() -> LinkTokens.verify("not.a-token", id -> key, now))
                .isInstanceOfSatisfying(LinkTokens.InvalidLinkException.class, e -> assertThat(e.reason())
                        .isEqualTo("malformed"));
    }
}
