package io.touchpoint.demo.internal;

import io.touchpoint.customers.Customers;
import io.touchpoint.feedback.Distribution;
import io.touchpoint.feedback.ResponseSubmission;
import io.touchpoint.feedback.Responses;
import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.platform.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The demo shop's surveys: NPS after delivery, CSAT after delivery (triggered by email, 3 days
 * after "Order Delivered"), CES after support — live, with their triggers, and the answers the
 * shop's customers gave over the year, recorded through the same service as real answers.
 */
@Component
class DemoFeedback {

    private final Surveys surveys;
    private final Responses responses;
    private final Distribution distribution;
    private final Customers customers;

    DemoFeedback(Surveys surveys, Responses responses, Distribution distribution, Customers customers) {
        this.surveys = surveys;
        this.responses = responses;
        this.distribution = distribution;
        this.customers = customers;
    }

    /** @return how many responses were recorded */
    int load(UUID workspaceId, List<DemoShop.Moment> moments, Random random) throws Exception {
        Survey nps = live(workspaceId, NPS);
        Survey csat = live(workspaceId, CSAT);
        Survey ces = live(workspaceId, CES);
        distribution.addTrigger(workspaceId, csat.id(), "Order Delivered", Duration.ofDays(3), "email", 100, null);
        distribution.addTrigger(
                workspaceId, ces.id(), "Support Ticket Closed", Duration.ofHours(1), "email", 100, null);
        distribution.addTrigger(workspaceId, nps.id(), "Order Delivered", Duration.ofDays(5), "email", 30, null);

        Map<UUID, List<ResponseSubmission>> bySurvey = new LinkedHashMap<>();
        Map<String, UUID> profiles = new java.util.HashMap<>();
        JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
        for (DemoShop.Moment m : moments) {
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            Survey survey;
            String channel = "email";
            String touchpoint;
            double score01;
            switch (m.kind()) {
                case "nps" -> {
                    survey = nps;
                    int score = clamp((int) Math.round(7.4 + 3.4 * m.mood() + random.nextGaussian() * 1.3), 0, 10);
                    answers.put("nps", nodes.numberNode(score));
                    score01 = score / 10.0;
                    double pick = random.nextDouble();
                    channel = pick < 0.6 ? "email" : pick < 0.85 ? "widget" : "link";
                    touchpoint = "post_delivery";
                }
                case "csat" -> {
                    survey = csat;
                    int score = clamp((int) Math.round(3.9 + 1.7 * m.mood() + random.nextGaussian() * 0.6), 1, 5);
                    answers.put("csat", nodes.numberNode(score));
                    score01 = (score - 1) / 4.0;
                    touchpoint = "delivery";
                }
                default -> {
                    survey = ces;
                    int score = clamp((int) Math.round(5.0 + 2.2 * m.mood() + random.nextGaussian() * 0.8), 1, 7);
                    answers.put("ces", nodes.numberNode(score));
                    score01 = (score - 1) / 6.0;
                    touchpoint = "support";
                }
            }
            boolean comments = survey == nps ? random.nextDouble() < 0.6 : score01 <= 0.5 && random.nextDouble() < 0.7;
            if (comments) {
                answers.put("why", nodes.stringNode(DemoComments.pick(random, m.language(), score01, m.topic())));
            }
            UUID customer = profiles.computeIfAbsent(
                    m.userId(),
                    userId -> customers.findByUserId(workspaceId, userId).orElse(null));
            bySurvey.computeIfAbsent(survey.id(), k -> new ArrayList<>())
                    .add(new ResponseSubmission(
                            null,
                            "demo-" + m.kind() + "-" + m.userId() + "-" + m.at().getEpochSecond(),
                            customer,
                            channel,
                            touchpoint,
                            m.language(),
                            null,
                            false,
                            null,
                            answers,
                            true,
                            m.at()));
        }
        // a few hundred answers per write unit: the same service as single answers, far fewer commits
        int recorded = 0;
        for (var entry : bySurvey.entrySet()) {
            List<ResponseSubmission> all = entry.getValue();
            for (int i = 0; i < all.size(); i += 500) {
                recorded +=
                        responses.submitAll(workspaceId, entry.getKey(), all.subList(i, Math.min(all.size(), i + 500)));
            }
        }
        return recorded;
    }

    private Survey live(UUID workspaceId, String json) {
        Survey survey = surveys.create(workspaceId, Json.read(json));
        return surveys.publish(workspaceId, survey.id());
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static final String NPS =
            """
            {"name":"구매 후 NPS","defaultLanguage":"ko","recontactDays":90,
             "questions":[
              {"id":"nps","type":"nps","text":{"ko":"한빛마켓을 친구나 지인에게 추천할 가능성은 얼마나 되나요?",
                "en":"How likely are you to recommend Hanbit Market to a friend?"}},
              {"id":"why","type":"text","text":{"ko":"그렇게 평가하신 가장 큰 이유는 무엇인가요?",
                "en":"What is the main reason for your score?"}}],
             "thankYou":{"detractor":{"ko":"불편을 드려 죄송합니다. 담당자가 확인하겠습니다.",
                "en":"We are sorry. Someone from our team will look into it."},
               "default":{"ko":"소중한 의견 감사합니다!","en":"Thank you for your feedback!"}}}
            """;

    private static final String CSAT =
            """
            {"name":"배송 만족도 (CSAT)","defaultLanguage":"ko",
             "questions":[
              {"id":"csat","type":"csat","scale":5,"text":{"ko":"이번 배송에 얼마나 만족하셨나요?",
                "en":"How satisfied are you with this delivery?"}},
              {"id":"why","type":"text","showIf":{"question":"csat","max":3},
               "text":{"ko":"어떤 점이 아쉬웠나요?","en":"What could we have done better?"}}]}
            """;

    private static final String CES =
            """
            {"name":"상담 후 CES","defaultLanguage":"ko",
             "questions":[
              {"id":"ces","type":"ces","direction":"higher_is_easier",
               "text":{"ko":"고객센터를 통해 문제를 쉽게 해결할 수 있었다.",
                "en":"Customer service made it easy to handle my issue."}},
              {"id":"why","type":"text","text":{"ko":"더 편하게 해 드리려면 무엇을 바꿔야 할까요?",
                "en":"What would have made it easier?"}}]}
            """;
}
