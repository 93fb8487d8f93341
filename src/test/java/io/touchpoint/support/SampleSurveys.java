package io.touchpoint.support;

import java.util.List;
import java.util.Map;

/** Survey JSON used by several tests. */
public final class SampleSurveys {

    private SampleSurveys() {}

    /** NPS (ko default, en), a "why" text question asked only to detractors, a multiple-choice topic. */
    public static Map<String, Object> nps(String name) {
        return Map.of(
                "name",
                name,
                "defaultLanguage",
                "ko",
                "questions",
                List.of(
                        Map.of(
                                "id", "nps",
                                "type", "nps",
                                "text", Map.of("ko", "친구에게 추천하시겠어요?", "en", "Would you recommend us?")),
                        Map.of(
                                "id",
                                "why",
                                "type",
                                "text",
                                "text",
                                Map.of("ko", "어떤 점이 아쉬웠나요?", "en", "What disappointed you?"),
                                "showIf",
                                Map.of("question", "nps", "max", 6)),
                        Map.of(
                                "id",
                                "topic",
                                "type",
                                "multi_choice",
                                "text",
                                Map.of("ko", "무엇에 대한 의견인가요?", "en", "What is it about?"),
                                "options",
                                List.of(
                                        Map.of("id", "delivery", "text", Map.of("ko", "배송", "en", "Delivery")),
                                        Map.of("id", "price", "text", Map.of("ko", "가격", "en", "Price"))))),
                "thankYou",
                Map.of(
                        "detractor", Map.of("ko", "불편을 드려 죄송합니다.", "en", "We are sorry."),
                        "default", Map.of("ko", "감사합니다!", "en", "Thank you!")));
    }
}
