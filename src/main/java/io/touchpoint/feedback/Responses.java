package io.touchpoint.feedback;

import io.touchpoint.feedback.internal.ResponseStore;
import io.touchpoint.platform.ConflictException;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The feedback module's face for answers: recording them from any channel, and reading them. */
@Service
public class Responses {

    private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,20}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    private final Store store;
    private final Surveys surveys;
    private final ResponseStore responses;
    private final ApplicationEventPublisher events;
    private final AnswerChanges changes;
    private final Clock clock;

    Responses(
            Store store,
            Surveys surveys,
            ResponseStore responses,
            ApplicationEventPublisher events,
            AnswerChanges changes,
            Clock clock) {
        this.store = store;
        this.surveys = surveys;
        this.responses = responses;
        this.events = events;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Records answers to a live survey; returns the response once committed. A retry of a finished
     * response (same response id, client key or single-use link) returns it unchanged.
     *
     * @throws ConflictException when the survey is not live or the response was already finished
     * @throws InvalidInputException naming each failing answer
     */
    public SurveyResponse submit(UUID workspaceId, UUID surveyId, ResponseSubmission submission) {
        Survey survey = surveys.get(workspaceId, surveyId);
        check(submission);
        if (!survey.live()) {
            throw new ConflictException(
                    "Survey " + surveyId + " is " + survey.status() + " and does not take answers now");
        }
        Instant now = clock.instant();
        if (submission.submittedAt() != null && submission.submittedAt().isAfter(now.plusSeconds(300))) {
            throw new InvalidInputException("submittedAt", "must not be in the future");
        }
        ResponseStore.Saved saved = store.write(tx -> {
            ResponseStore.Saved s = ResponseStore.save(
                    tx, workspaceId, survey, submission, v -> surveys.version(workspaceId, surveyId, v), now);
            if (s.newlyFinished()) {
                changes.recordFinished(tx, workspaceId, List.of(s.response().finishedAt()));
            }
            return s;
        });
        if (saved.newlyFinished()) {
            SurveyResponse r = saved.response();
            events.publishEvent(new SurveyResponseSubmitted(workspaceId, surveyId, r.id(), r.customerId(), r.nps()));
        }
        return saved.response();
    }

    /**
     * Records many finished responses to one live survey in one write unit (imports, the demo
     * shop): the same checks and rows as {@link #submit}, one commit.
     *
     * @return how many were newly recorded (retries of earlier ones are not counted)
     */
    public int submitAll(UUID workspaceId, UUID surveyId, List<ResponseSubmission> submissions) {
        Survey survey = surveys.get(workspaceId, surveyId);
        submissions.forEach(Responses::check);
        if (!survey.live()) {
            throw new ConflictException(
                    "Survey " + surveyId + " is " + survey.status() + " and does not take answers now");
        }
        Instant now = clock.instant();
        List<ResponseStore.Saved> saved = store.write(tx -> {
            List<ResponseStore.Saved> all = ResponseStore.saveAll(
                    tx, workspaceId, survey, submissions, v -> surveys.version(workspaceId, surveyId, v), now);
            changes.recordFinished(
                    tx,
                    workspaceId,
                    all.stream()
                            .filter(ResponseStore.Saved::newlyFinished)
                            .map(s -> s.response().finishedAt())
                            .toList());
            return all;
        });
        int recorded = 0;
        for (ResponseStore.Saved s : saved) {
            if (s.newlyFinished()) {
                recorded++;
                SurveyResponse r = s.response();
                events.publishEvent(
                        new SurveyResponseSubmitted(workspaceId, surveyId, r.id(), r.customerId(), r.nps()));
            }
        }
        return recorded;
    }

    public Optional<SurveyResponse> get(UUID workspaceId, UUID id) {
        return responses.get(workspaceId, id);
    }

    /** Finished and partial responses of a survey, newest first. */
    public List<SurveyResponse> list(UUID workspaceId, ResponseFilter filter, int limit, int offset) {
        return responses.list(workspaceId, filter.condition(), filter.params(), limit, offset);
    }

    /** The finished answer to a planned send (an invitation), if it came. */
    public Optional<SurveyResponse> answerTo(UUID workspaceId, UUID sendId) {
        return responses.list(workspaceId, "send_id = ? and not partial", List.of(sendId), 1, 0).stream()
                .findFirst();
    }

    public long count(UUID workspaceId, ResponseFilter filter) {
        return responses.count(workspaceId, filter.condition(), filter.params());
    }

    /** Every response of one person (all their merged profiles), newest first. */
    public List<SurveyResponse> ofCustomer(UUID workspaceId, List<UUID> profileGroup, int limit) {
        InList in = InList.of(profileGroup);
        return responses.list(workspaceId, "customer_id in (" + in.marks() + ")", List.copyOf(in.values()), limit, 0);
    }

    private static void check(ResponseSubmission s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (s.channel() == null || !CHANNEL.matcher(s.channel()).matches()) {
            problems.add(new FieldProblem("channel", "must be a channel name such as email, link, widget or api"));
        }
        if (s.language() != null && !LANGUAGE.matcher(s.language()).matches()) {
            problems.add(new FieldProblem("language", "must be a language code such as ko or en"));
        }
        if (s.touchpoint() != null && s.touchpoint().length() > 100) {
            problems.add(new FieldProblem("touchpoint", "must be at most 100 characters"));
        }
        if (s.clientKey() != null && (s.clientKey().isBlank() || s.clientKey().length() > 100)) {
            problems.add(new FieldProblem("responseId", "must be 1 to 100 characters"));
        }
        if (s.answers() == null) {
            problems.add(new FieldProblem("answers", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The response is not valid", problems);
        }
    }
}
