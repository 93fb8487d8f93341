package io.touchpoint.feedback.internal;

import io.touchpoint.customers.ConsentChannel;
import io.touchpoint.customers.Customers;
import io.touchpoint.feedback.Question;
import io.touchpoint.feedback.QuestionType;
import io.touchpoint.feedback.ResponseSubmission;
import io.touchpoint.feedback.Responses;
import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.SurveyDefinition;
import io.touchpoint.feedback.SurveyResponse;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.platform.ConflictException;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Store;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The hosted survey page: one question per page, plain HTML forms (works without JavaScript),
 * each answer saved as it is given (a partial response until the last page). Anonymous links
 * ({@code /s/{id}}) and personal links ({@code ?t=} signed token) both land here; a respondent
 * continues their own response through a signed response reference ({@code r}).
 */
@Controller
class HostedSurveyController {

    /** The request attribute the UI's locale resolver honours: the page speaks the survey's language. */
    private static final String LOCALE_ATTRIBUTE = "tp_lang";

    private final Surveys surveys;
    private final Responses responses;
    private final ResponseStore responsesStore;
    private final SurveyRepository repository;
    private final FeedbackSettings settings;
    private final Customers customers;
    private final Store store;
    private final Clock clock;

    HostedSurveyController(
            Surveys surveys,
            Responses responses,
            ResponseStore responsesStore,
            SurveyRepository repository,
            FeedbackSettings settings,
            Customers customers,
            Store store,
            Clock clock) {
        this.surveys = surveys;
        this.responses = responses;
        this.responsesStore = responsesStore;
        this.repository = repository;
        this.settings = settings;
        this.customers = customers;
        this.store = store;
        this.clock = clock;
    }

    /** Who is answering: the survey, the link's claims if any, the response so far if any. */
    private record Visit(
            UUID workspaceId,
            Survey survey,
            LinkTokens.Claims claims,
            SurveyResponse response,
            String language,
            String token,
            String touchpoint) {

        SurveyDefinition definition(Surveys surveys) {
            return response == null || response.version() == survey.version()
                    ? survey.definition()
                    : surveys.version(workspaceId, survey.id(), response.version());
        }
    }

    @GetMapping("/s/{surveyId}")
    String show(
            @PathVariable String surveyId,
            @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "r", required = false) String ref,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "q", required = false) String questionId,
            @RequestParam(name = "a", required = false) String answer,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "tp", required = false) String touchpoint,
            HttpServletRequest request,
            HttpServletResponse http,
            Model model) {
        Visit visit;
        try {
            visit = visit(surveyId, token, ref, lang, touchpoint, request);
        } catch (PageProblem problem) {
            return message(problem, request, http, model);
        }
        if (visit.response() != null && !visit.response().partial()) {
            return message(new PageProblem(409, "survey.page.alreadyAnswered"), request, http, model);
        }
        if (questionId != null && answer != null) {
            // a score clicked in the invitation email: saved at once, as a partial response
            try {
                Question question = visit.definition(surveys)
                        .question(questionId)
                        .orElseThrow(() -> new InvalidInputException("q", "no such question"));
                SurveyResponse saved = save(visit, Map.of(question.id(), value(question, List.of(answer))), false);
                return "redirect:" + pageUrl(visit, saved, question.id());
            } catch (InvalidInputException | ConflictException e) {
                return message(new PageProblem(400, "survey.page.invalidAnswer"), request, http, model);
            }
        }
        Map<String, Double> scores = visit.response() == null
                ? Map.of()
                : AnswerRules.scores(visit.response().answers());
        Optional<Question> next = AnswerRules.next(visit.definition(surveys), after, scores);
        if (next.isEmpty()) {
            if (visit.response() == null) {
                return message(new PageProblem(409, "survey.page.closed"), request, http, model);
            }
            SurveyResponse finished = save(visit, Map.of(), true);
            return "redirect:" + pageUrl(visit, finished, null);
        }
        return question(visit, next.get(), null, null, request, model);
    }

    @PostMapping("/s/{surveyId}")
    String answer(
            @PathVariable String surveyId,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            HttpServletResponse http,
            Model model) {
        Visit visit;
        try {
            visit = visit(
                    surveyId,
                    form.getFirst("t"),
                    form.getFirst("r"),
                    form.getFirst("lang"),
                    form.getFirst("tp"),
                    request);
        } catch (PageProblem problem) {
            return message(problem, request, http, model);
        }
        if (visit.response() != null && !visit.response().partial()) {
            return message(new PageProblem(409, "survey.page.alreadyAnswered"), request, http, model);
        }
        SurveyDefinition definition = visit.definition(surveys);
        String questionId = form.getFirst("q");
        Question question =
                questionId == null ? null : definition.question(questionId).orElse(null);
        if (question == null) {
            return message(new PageProblem(400, "survey.page.invalidAnswer"), request, http, model);
        }
        List<String> values = form.getOrDefault("value", List.of()).stream()
                .filter(v -> v != null && !v.isBlank())
                .toList();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        if (!values.isEmpty()) {
            answers.put(question.id(), value(question, values));
        } else if (question.required()) {
            http.setStatus(400);
            return question(visit, question, "survey.page.required", null, request, model);
        }
        Map<String, Double> scores = new LinkedHashMap<>(
                visit.response() == null
                        ? Map.of()
                        : AnswerRules.scores(visit.response().answers()));
        if (!values.isEmpty() && question.kind().scored()) {
            try {
                scores.put(question.id(), Double.parseDouble(values.get(0)));
            } catch (NumberFormatException ignored) {
                // refused below by the answer rules
            }
        }
        boolean last = AnswerRules.next(definition, question.id(), scores).isEmpty();
        SurveyResponse saved;
        try {
            if (answers.isEmpty() && visit.response() == null && !last) {
                // skipped an optional first question: nothing to save yet
                return "redirect:" + pageUrl(visit, null, question.id());
            }
            saved = save(visit, answers, last);
        } catch (InvalidInputException e) {
            http.setStatus(400);
            String detail = e.problems().isEmpty()
                    ? e.getMessage()
                    : e.problems().get(0).message();
            return question(visit, question, null, detail, request, model);
        } catch (ConflictException e) {
            return message(new PageProblem(409, "survey.page.closed"), request, http, model);
        }
        return "redirect:" + pageUrl(visit, saved, last ? null : question.id());
    }

    @GetMapping("/s/{surveyId}/thanks")
    String thanksPage(
            @PathVariable String surveyId,
            @RequestParam(name = "r", required = false) String ref,
            @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request,
            HttpServletResponse http,
            Model model) {
        try {
            Visit visit = visit(surveyId, null, ref, lang, null, request);
            return thanks(visit, request, model);
        } catch (PageProblem problem) {
            return message(problem, request, http, model);
        }
    }

    /** The unsubscribe link of an invitation: one click records "no" to email for the person. */
    @GetMapping("/s/unsubscribe")
    String unsubscribeForm(
            @RequestParam(name = "t", required = false) String token,
            HttpServletRequest request,
            HttpServletResponse http,
            Model model) {
        try {
            LinkTokens.Claims claims = claims(token);
            language(request, claims.language());
            model.addAttribute("token", token);
            return "survey/unsubscribe";
        } catch (PageProblem problem) {
            return message(problem, request, http, model);
        }
    }

    @PostMapping("/s/unsubscribe")
    String unsubscribe(
            @RequestParam(name = "t", required = false) String token,
            HttpServletRequest request,
            HttpServletResponse http,
            Model model) {
        try {
            LinkTokens.Claims claims = claims(token);
            if (claims.customerId() == null) {
                throw new PageProblem(400, "survey.page.badLink");
            }
            store.write(tx -> {
                Customers.recordConsent(
                        tx,
                        claims.workspaceId(),
                        claims.customerId(),
                        ConsentChannel.EMAIL_MARKETING,
                        false,
                        "unsubscribe link",
                        clock.instant());
                return null;
            });
            language(request, claims.language());
            model.addAttribute("messageKey", "survey.page.unsubscribed");
            return "survey/message";
        } catch (PageProblem problem) {
            return message(problem, request, http, model);
        }
    }

    private Visit visit(
            String surveyIdText, String token, String ref, String lang, String touchpoint, HttpServletRequest request) {
        UUID surveyId;
        try {
            surveyId = UUID.fromString(surveyIdText);
        } catch (IllegalArgumentException e) {
            throw new PageProblem(404, "survey.page.notFound");
        }
        UUID workspaceId =
                repository.workspaceOf(surveyId).orElseThrow(() -> new PageProblem(404, "survey.page.notFound"));
        Survey survey = surveys.get(workspaceId, surveyId);
        LinkTokens.Claims claims = null;
        if (token != null && !token.isBlank()) {
            claims = claims(token);
            if (!claims.surveyId().equals(surveyId) || !claims.workspaceId().equals(workspaceId)) {
                throw new PageProblem(403, "survey.page.badLink");
            }
        }
        SurveyResponse response = null;
        if (ref != null && !ref.isBlank()) {
            response = byReference(workspaceId, surveyId, ref);
        } else if (claims != null && claims.singleUse()) {
            response = responsesStore.list(workspaceId, "single_use_key = ?", List.of(claims.tokenId()), 1, 0).stream()
                    .findFirst()
                    .orElse(null);
        }
        if (!survey.live() && (response == null || response.partial())) {
            throw new PageProblem(409, "survey.page.closed");
        }
        SurveyDefinition definition = survey.definition();
        String language = pickLanguage(definition, lang, claims, response, request);
        language(request, language);
        String tp = touchpoint == null || touchpoint.isBlank() || touchpoint.length() > 100 ? null : touchpoint;
        return new Visit(workspaceId, survey, claims, response, language, token, tp);
    }

    private SurveyResponse byReference(UUID workspaceId, UUID surveyId, String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) {
            throw new PageProblem(403, "survey.page.badLink");
        }
        String id = ref.substring(0, dot);
        if (!LinkTokens.verifySignature(id, ref.substring(dot + 1), settings.signingKey(workspaceId))) {
            throw new PageProblem(403, "survey.page.badLink");
        }
        SurveyResponse response = responses
                .get(workspaceId, UUID.fromString(id))
                .orElseThrow(() -> new PageProblem(404, "survey.page.notFound"));
        if (!response.surveyId().equals(surveyId)) {
            throw new PageProblem(403, "survey.page.badLink");
        }
        return response;
    }

    private LinkTokens.Claims claims(String token) {
        try {
            return LinkTokens.verify(token, settings::existingKey, clock.instant());
        } catch (LinkTokens.InvalidLinkException e) {
            throw new PageProblem(
                    "expired".equals(e.reason()) ? 410 : 403,
                    "expired".equals(e.reason()) ? "survey.page.expired" : "survey.page.badLink");
        }
    }

    private SurveyResponse save(Visit visit, Map<String, JsonNode> answers, boolean finished) {
        LinkTokens.Claims c = visit.claims();
        String channel = c == null ? "link" : c.sendId() != null ? "email" : "link";
        return responses.submit(
                visit.workspaceId(),
                visit.survey().id(),
                new ResponseSubmission(
                        visit.response() == null ? null : visit.response().id(),
                        null,
                        c == null ? null : c.customerId(),
                        channel,
                        visit.touchpoint(),
                        visit.language(),
                        c == null ? null : c.tokenId(),
                        c != null && c.singleUse(),
                        c == null ? null : c.sendId(),
                        answers,
                        finished,
                        null));
    }

    private String pageUrl(Visit visit, SurveyResponse response, String after) {
        StringBuilder url = new StringBuilder("/s/").append(visit.survey().id());
        if (response != null && !response.partial()) {
            url.append("/thanks");
        }
        url.append("?lang=").append(visit.language());
        if (response != null) {
            String id = response.id().toString();
            url.append("&r=")
                    .append(id)
                    .append('.')
                    .append(LinkTokens.sign(id, settings.signingKey(visit.workspaceId())));
        } else if (visit.token() != null) {
            url.append("&t=").append(encode(visit.token()));
        }
        if (after != null) {
            url.append("&after=").append(encode(after));
        }
        if (visit.touchpoint() != null) {
            url.append("&tp=").append(encode(visit.touchpoint()));
        }
        return url.toString();
    }

    private String question(
            Visit visit,
            Question question,
            String errorKey,
            String errorText,
            HttpServletRequest request,
            Model model) {
        SurveyDefinition definition = visit.definition(surveys);
        model.addAttribute("survey", visit.survey());
        model.addAttribute("language", visit.language());
        model.addAttribute("languages", definition.languages());
        model.addAttribute("question", question);
        model.addAttribute("questionText", question.text(visit.language(), definition.defaultLanguage()));
        model.addAttribute("options", options(question, visit.language(), definition.defaultLanguage()));
        model.addAttribute("scale", scale(question));
        model.addAttribute("position", definition.questions().indexOf(question) + 1);
        model.addAttribute("count", definition.questions().size());
        model.addAttribute("selected", selected(visit.response(), question.id()));
        model.addAttribute("token", visit.response() == null ? visit.token() : null);
        model.addAttribute(
                "ref",
                visit.response() == null
                        ? null
                        : visit.response().id() + "."
                                + LinkTokens.sign(
                                        visit.response().id().toString(), settings.signingKey(visit.workspaceId())));
        model.addAttribute("touchpoint", visit.touchpoint());
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("errorText", errorText);
        return "survey/question";
    }

    private String thanks(Visit visit, HttpServletRequest request, Model model) {
        SurveyDefinition definition = visit.definition(surveys);
        String outcome = visit.response() == null ? null : visit.response().outcome();
        Map<String, Map<String, String>> thankYou = definition.thankYou() == null ? Map.of() : definition.thankYou();
        Map<String, String> texts =
                outcome != null && thankYou.containsKey(outcome) ? thankYou.get(outcome) : thankYou.get("default");
        String text =
                texts == null ? null : texts.getOrDefault(visit.language(), texts.get(definition.defaultLanguage()));
        model.addAttribute("survey", visit.survey());
        model.addAttribute("thankYou", text);
        model.addAttribute("messageKey", "survey.page.thanks");
        model.addAttribute("outcome", outcome);
        return "survey/message";
    }

    private String message(PageProblem problem, HttpServletRequest request, HttpServletResponse http, Model model) {
        http.setStatus(problem.status);
        model.addAttribute("messageKey", problem.messageKey);
        return "survey/message";
    }

    private static JsonNode value(Question question, List<String> values) {
        var nodes = Json.MAPPER.getNodeFactory();
        QuestionType type = question.kind();
        if (type.scored()) {
            try {
                return nodes.numberNode(Integer.parseInt(values.get(0).trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("answers." + question.id(), "must be a whole number");
            }
        }
        if (type == QuestionType.MULTI_CHOICE) {
            ArrayNode array = nodes.arrayNode();
            values.forEach(array::add);
            return array;
        }
        return nodes.stringNode(values.get(0));
    }

    private static List<Map<String, String>> options(Question question, String language, String fallback) {
        if (question.options() == null) {
            return List.of();
        }
        List<Map<String, String>> options = new ArrayList<>();
        for (var option : question.options()) {
            String text = option.text().getOrDefault(language, option.text().get(fallback));
            options.add(Map.of("id", option.id(), "text", text));
        }
        return options;
    }

    private static List<Integer> scale(Question question) {
        if (!question.kind().scored()) {
            return List.of();
        }
        List<Integer> scale = new ArrayList<>();
        for (int i = question.min(); i <= question.max(); i++) {
            scale.add(i);
        }
        return scale;
    }

    private static List<String> selected(SurveyResponse response, String questionId) {
        if (response == null) {
            return List.of();
        }
        return response.answers().stream()
                .filter(a -> a.questionId().equals(questionId))
                .map(a -> a.number() != null ? String.valueOf(a.number().intValue()) : a.text())
                .toList();
    }

    private static String pickLanguage(
            SurveyDefinition definition,
            String lang,
            LinkTokens.Claims claims,
            SurveyResponse response,
            HttpServletRequest request) {
        List<String> available = definition.languages();
        if (lang != null && available.contains(lang)) {
            return lang;
        }
        if (response != null && available.contains(response.language())) {
            return response.language();
        }
        if (claims != null && claims.language() != null && available.contains(claims.language())) {
            return claims.language();
        }
        String header = request.getHeader("Accept-Language");
        if (header != null) {
            try {
                List<Locale> locales =
                        available.stream().map(Locale::forLanguageTag).toList();
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), locales);
                if (match != null) {
                    return match.getLanguage();
                }
            } catch (IllegalArgumentException ignored) {
                // malformed header: the survey's default language
            }
        }
        return definition.defaultLanguage();
    }

    private static void language(HttpServletRequest request, String language) {
        if (language != null) {
            request.setAttribute(LOCALE_ATTRIBUTE, Locale.forLanguageTag(language));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A page that cannot be shown: its HTTP status and the message to show instead. */
    private static final class PageProblem extends RuntimeException {
        private final int status;
        private final String messageKey;

        PageProblem(int status, String messageKey) {
            super(messageKey, null, false, false);
            this.status = status;
            this.messageKey = messageKey;
        }
    }
}
