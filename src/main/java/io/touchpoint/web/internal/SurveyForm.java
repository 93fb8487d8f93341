package io.touchpoint.web.internal;

import io.touchpoint.feedback.Choice;
import io.touchpoint.feedback.Question;
import io.touchpoint.feedback.SurveyDefinition;
import io.touchpoint.platform.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The survey builder form, both ways: form fields → the survey JSON the API takes (so the same
 * parser checks both), and a survey → field values to edit. Question rows are {@code q{i}.*};
 * choice options are one per line, {@code id: 한국어 | English}.
 */
final class SurveyForm {

    static final List<String> LANGUAGES = List.of("ko", "en");
    static final List<String> OUTCOMES = List.of("promoter", "passive", "detractor", "default");
    private static final Pattern OPTION_ID = Pattern.compile("^([A-Za-z0-9_-]{1,40}):\\s*(.*)$");

    private SurveyForm() {}

    /** Rows shown: the questions there are, plus empty ones to add more. */
    static int rows(int questions) {
        return Math.min(Math.max(questions + 2, 4), 20);
    }

    static ObjectNode toJson(MultiValueMap<String, String> form) {
        ObjectNode survey = Json.object();
        put(survey, "name", form.getFirst("name"));
        put(survey, "defaultLanguage", form.getFirst("defaultLanguage"));
        Integer recontact = integer(form.getFirst("recontactDays"));
        if (recontact != null) {
            survey.put("recontactDays", recontact);
        } else if (blank(form.getFirst("recontactDays")) == null) {
            // empty: the workspace rule only
        } else {
            survey.put("recontactDays", form.getFirst("recontactDays"));
        }
        ArrayNode questions = survey.putArray("questions");
        int rows = integer(form.getFirst("rows")) == null ? 20 : Math.min(integer(form.getFirst("rows")), 20);
        for (int i = 0; i < rows; i++) {
            String p = "q" + i + ".";
            String type = blank(form.getFirst(p + "type"));
            if (type == null) {
                continue;
            }
            ObjectNode q = questions.addObject();
            String id = blank(form.getFirst(p + "id"));
            q.put("id", id == null ? "q" + (i + 1) : id);
            q.put("type", type);
            q.set("text", texts(form, p + "text."));
            Integer scale = integer(form.getFirst(p + "scale"));
            if (scale != null && ("csat".equals(type) || "rating".equals(type))) {
                q.put("scale", scale);
            }
            if ("ces".equals(type) && blank(form.getFirst(p + "direction")) != null) {
                q.put("direction", form.getFirst(p + "direction"));
            }
            if ("single_choice".equals(type) || "multi_choice".equals(type)) {
                q.set("options", options(form.getFirst(p + "options")));
            }
            String required = form.getFirst(p + "required");
            q.put("required", "on".equals(required) || "true".equals(required));
            String showIf = blank(form.getFirst(p + "showIf"));
            if (showIf != null) {
                ObjectNode condition = q.putObject("showIf");
                condition.put("question", showIf);
                Integer min = integer(form.getFirst(p + "showMin"));
                Integer max = integer(form.getFirst(p + "showMax"));
                if (min != null) {
                    condition.put("min", min);
                }
                if (max != null) {
                    condition.put("max", max);
                }
            }
        }
        ObjectNode thankYou = Json.object();
        for (String outcome : OUTCOMES) {
            ObjectNode texts = texts(form, "thanks." + outcome + ".");
            if (!texts.isEmpty()) {
                thankYou.set(outcome, texts);
            }
        }
        if (!thankYou.isEmpty()) {
            survey.set("thankYou", thankYou);
        }
        return survey;
    }

    /** Field name → value for editing an existing survey. */
    static Map<String, String> values(SurveyDefinition survey) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", survey.name());
        values.put("defaultLanguage", survey.defaultLanguage());
        values.put(
                "recontactDays",
                survey.recontactDays() == null ? "" : survey.recontactDays().toString());
        List<Question> questions = survey.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String p = "q" + i + ".";
            values.put(p + "id", q.id());
            values.put(p + "type", q.type());
            q.text().forEach((lang, text) -> values.put(p + "text." + lang, text));
            if (q.scale() != null) {
                values.put(p + "scale", q.scale().toString());
            }
            if (q.direction() != null) {
                values.put(p + "direction", q.direction());
            }
            if (q.options() != null) {
                List<String> lines = new ArrayList<>();
                for (Choice c : q.options()) {
                    lines.add(c.id() + ": "
                            + String.join(
                                    " | ",
                                    LANGUAGES.stream()
                                            .map(l -> c.text().getOrDefault(l, ""))
                                            .toList()));
                }
                values.put(p + "options", String.join("\n", lines));
            }
            values.put(p + "required", q.required() ? "on" : "");
            if (q.showIf() != null) {
                values.put(p + "showIf", q.showIf().question());
                values.put(
                        p + "showMin",
                        q.showIf().min() == null ? "" : q.showIf().min().toString());
                values.put(
                        p + "showMax",
                        q.showIf().max() == null ? "" : q.showIf().max().toString());
            }
        }
        if (survey.thankYou() != null) {
            survey.thankYou()
                    .forEach((outcome, texts) ->
                            texts.forEach((lang, text) -> values.put("thanks." + outcome + "." + lang, text)));
        }
        return values;
    }

    /** A starting point for a new survey of a kind: nps, csat, ces, or empty. */
    static Map<String, String> template(String kind) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("defaultLanguage", "ko");
        switch (kind == null ? "" : kind) {
            case "nps" -> {
                v.put("name", "NPS");
                v.put("q0.id", "nps");
                v.put("q0.type", "nps");
                v.put("q0.text.ko", "저희 쇼핑몰을 친구나 지인에게 추천할 가능성은 얼마나 되나요?");
                v.put("q0.text.en", "How likely are you to recommend our shop to a friend?");
                v.put("q0.required", "on");
                v.put("q1.id", "why");
                v.put("q1.type", "text");
                v.put("q1.text.ko", "그렇게 평가하신 가장 큰 이유는 무엇인가요?");
                v.put("q1.text.en", "What is the main reason for your score?");
                v.put("thanks.detractor.ko", "불편을 드려 죄송합니다. 남겨 주신 의견을 꼭 살펴보겠습니다.");
                v.put("thanks.detractor.en", "We are sorry. We will look into what you told us.");
                v.put("thanks.default.ko", "소중한 의견 감사합니다!");
                v.put("thanks.default.en", "Thank you for your feedback!");
            }
            case "csat" -> {
                v.put("name", "CSAT");
                v.put("q0.id", "csat");
                v.put("q0.type", "csat");
                v.put("q0.scale", "5");
                v.put("q0.text.ko", "이번 주문에 얼마나 만족하셨나요?");
                v.put("q0.text.en", "How satisfied are you with this order?");
                v.put("q0.required", "on");
                v.put("q1.id", "why");
                v.put("q1.type", "text");
                v.put("q1.text.ko", "아쉬웠던 점을 알려 주세요.");
                v.put("q1.text.en", "What could we have done better?");
                v.put("q1.showIf", "csat");
                v.put("q1.showMax", "3");
            }
            case "ces" -> {
                v.put("name", "CES");
                v.put("q0.id", "ces");
                v.put("q0.type", "ces");
                v.put("q0.direction", Question.HIGHER_IS_EASIER);
                v.put("q0.text.ko", "고객센터를 통해 문제를 쉽게 해결할 수 있었다.");
                v.put("q0.text.en", "The support team made it easy to handle my issue.");
                v.put("q0.required", "on");
            }
            default -> {}
        }
        return v;
    }

    private static ObjectNode texts(MultiValueMap<String, String> form, String prefix) {
        ObjectNode texts = Json.object();
        for (String lang : LANGUAGES) {
            String text = blank(form.getFirst(prefix + lang));
            if (text != null) {
                texts.put(lang, text);
            }
        }
        return texts;
    }

    private static ArrayNode options(String lines) {
        ArrayNode options = Json.MAPPER.createArrayNode();
        if (lines == null) {
            return options;
        }
        int n = 0;
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            n++;
            String id = "o" + n;
            String rest = line.strip();
            Matcher m = OPTION_ID.matcher(rest);
            if (m.matches()) {
                id = m.group(1);
                rest = m.group(2);
            }
            String[] parts = rest.split("\\|", -1);
            ObjectNode option = options.addObject();
            option.put("id", id);
            ObjectNode texts = option.putObject("text");
            for (int i = 0; i < LANGUAGES.size() && i < parts.length; i++) {
                if (!parts[i].isBlank()) {
                    texts.put(LANGUAGES.get(i), parts[i].strip());
                }
            }
        }
        return options;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (blank(value) != null) {
            node.put(field, value.strip());
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
