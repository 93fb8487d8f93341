package io.touchpoint.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.loop.RuleDefinition;
import io.touchpoint.loop.RuleDefinition.When;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule conditions read from JSON, checked, and matched against responses and event counts. */
class RuleRulesTest {

    static RuleDefinition parse(String json, List<FieldProblem> problems) {
        return RuleChecks.definition(Json.read(json), problems);
    }

    static ResponseFacts facts(Integer nps, ResponseFacts.Answer... answers) {
        return ResponseFacts.of(nps, List.of(answers));
    }

    @Test
    void anNpsConditionMatchesScoresUpToItsMaximum() {
        When when = new When(When.NPS, 6.0, null, null, null, null, null);
        assertThat(RuleMatcher.matches(when, facts(6))).isTrue();
        assertThat(RuleMatcher.matches(when, facts(0))).isTrue();
        assertThat(RuleMatcher.matches(when, facts(7))).isFalse();
        assertThat(RuleMatcher.matches(when, facts(null))).as("no NPS answer").isFalse();
    }

    @Test
    void csatAndCesConditionsReadTheirAnswersAndCesIsTurnedWhenWordedAsDifficulty() {
        When csat = new When(When.CSAT, 2.0, null, null, null, null, null);
        assertThat(RuleMatcher.matches(csat, facts(null, new ResponseFacts.Answer("csat", 2.0, null, 5, false))))
                .isTrue();
        assertThat(RuleMatcher.matches(csat, facts(null, new ResponseFacts.Answer("csat", 3.0, null, 5, false))))
                .isFalse();
        When ces = new When(When.CES, 3.0, null, null, null, null, null);
        assertThat(RuleMatcher.matches(ces, facts(null, new ResponseFacts.Answer("ces", 2.0, null, 7, false))))
                .isTrue();
        // "it was difficult": 6 of 7 on a reversed scale is an ease of 2
        assertThat(RuleMatcher.matches(ces, facts(null, new ResponseFacts.Answer("ces", 6.0, null, 7, true))))
                .isTrue();
        assertThat(RuleMatcher.matches(ces, facts(null, new ResponseFacts.Answer("ces", 2.0, null, 7, true))))
                .isFalse();
    }

    @Test
    void aCommentConditionFindsTheWordInAnyCaseAndInsideKoreanWords() {
        When late = new When(When.COMMENT, null, "late", null, null, null, null);
        assertThat(RuleMatcher.matches(
                        late, facts(8, new ResponseFacts.Answer("text", null, "Arrived LATE", null, false))))
                .isTrue();
        When delivery = new When(When.COMMENT, null, "배송", null, null, null, null);
        assertThat(RuleMatcher.matches(
                        delivery, facts(3, new ResponseFacts.Answer("text", null, "배송이 너무 늦었어요", null, false))))
                .isTrue();
        assertThat(RuleMatcher.matches(
                        delivery, facts(3, new ResponseFacts.Answer("single_choice", null, "배송", null, false))))
                .as("only free-text answers are comments")
                .isFalse();
    }

    @Test
    void anEventConditionHoldsFromTheKthEventInTheWindow() {
        When twice = new When(When.EVENT, null, null, "Order Delayed", 2, 30, null);
        assertThat(RuleMatcher.matches(twice, 1)).isFalse();
        assertThat(RuleMatcher.matches(twice, 2)).isTrue();
        assertThat(RuleMatcher.matches(twice, 5)).isTrue();
        assertThat(RuleMatcher.matches(new When(When.NPS, 6.0, null, null, null, null, null), 5))
                .isFalse();
    }

    @Test
    void aValidRuleIsReadWithItsActions() {
        List<FieldProblem> problems = new ArrayList<>();
        RuleDefinition d = parse(
                """
                {"when":{"type":"event","event":"Order Delayed","atLeast":2,"withinDays":30},
                 "actions":[{"type":"open_case","priority":"high"},{"type":"notify_email","to":["ops@shop.kr"]},
                            {"type":"webhook"},{"type":"tag","trait":"delay_risk","value":"high"},
                            {"type":"timeline_note","text":"call them"}]}
                """,
                problems);
        assertThat(problems).isEmpty();
        assertThat(d.onResponses()).isFalse();
        assertThat(d.when().atLeast()).isEqualTo(2);
        assertThat(d.actions())
                .extracting(RuleDefinition.Action::type)
                .containsExactly("open_case", "notify_email", "webhook", "tag", "timeline_note");
        assertThat(d.actions().get(0).priority()).isEqualTo("high");
    }

    @Test
    void eachInvalidPartIsNamed() {
        List<FieldProblem> problems = new ArrayList<>();
        parse(
                """
                {"when":{"type":"nps","max":11,"colour":"red"},
                 "actions":[{"type":"open_case","priority":"asap"},{"type":"notify_email","to":["nobody"]},
                            {"type":"tag","trait":"9 lives"},{"type":"timeline_note"},{"type":"launch"}]}
                """,
                problems);
        assertThat(problems)
                .extracting(FieldProblem::field)
                .containsExactly(
                        "when.colour",
                        "when.max",
                        "actions[0].priority",
                        "actions[1].to",
                        "actions[2].trait",
                        "actions[3].text",
                        "actions[4].type");
    }

    @Test
    void scoresAreCheckedAgainstTheirOwnScale() {
        List<FieldProblem> csat = new ArrayList<>();
        parse("{\"when\":{\"type\":\"csat\",\"max\":0},\"actions\":[{\"type\":\"webhook\"}]}", csat);
        assertThat(csat).extracting(FieldProblem::message).containsExactly("must be a score from 1 to 10 for csat");
        List<FieldProblem> ces = new ArrayList<>();
        parse("{\"when\":{\"type\":\"ces\",\"max\":8},\"actions\":[{\"type\":\"webhook\"}]}", ces);
        assertThat(ces).extracting(FieldProblem::message).containsExactly("must be a score from 1 to 7 for ces");
        List<FieldProblem> none = new ArrayList<>();
        parse("{\"when\":{\"type\":\"event\",\"event\":\" \"},\"actions\":[]}", none);
        assertThat(none)
                .extracting(FieldProblem::field)
                .containsExactly("when.event", "when.atLeast", "when.withinDays", "actions");
    }
}
