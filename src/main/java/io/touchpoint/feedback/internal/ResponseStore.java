package io.touchpoint.feedback.internal;

import io.touchpoint.customers.Customers;
import io.touchpoint.events.SystemEvents;
import io.touchpoint.feedback.AnswerValue;
import io.touchpoint.feedback.QuestionType;
import io.touchpoint.feedback.ResponseSubmission;
import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.SurveyDefinition;
import io.touchpoint.feedback.SurveyResponse;
import io.touchpoint.platform.ConflictException;
import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Outbox;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Response headers and their typed answer rows. */
@Component
public class ResponseStore {

    static final String COLUMNS = "id, survey_id, version, customer_id, channel, touchpoint, language, started_at, "
            + "finished_at, partial, nps_score, send_id";

    private final Store store;

    ResponseStore(Store store) {
        this.store = store;
    }

    /** What {@link #save} did: the response, and whether this call finished it. */
    public record Saved(SurveyResponse response, boolean newlyFinished) {}

    /**
     * Creates or continues a response inside the caller's write unit. A finished response is never
     * changed again: sending it again returns it as it is.
     *
     * @param versions how to read the survey at a version
     */
    public static Saved save(
            WriteContext tx,
            UUID workspaceId,
            Survey survey,
            ResponseSubmission submission,
            java.util.function.IntFunction<SurveyDefinition> versions,
            Instant now) {
        Rows rows = new Rows(false);
        Saved saved = plan(tx, workspaceId, survey, submission, versions, now, rows, false);
        rows.write(tx, workspaceId);
        return saved;
    }

    /**
     * Records many submissions in the caller's write unit, with the effect of {@link #save} for each
     * in turn. The rows of submissions that nothing stored can be theirs (no response id or link, and
     * a client key that is not stored and not repeated in the list, found with one query on the
     * embedded store) are written together at the end: a few bulk inserts instead of several
     * statements per response (imports, the demo shop). The others are saved one by one, after the
     * rows before them are written.
     */
    public static List<Saved> saveAll(
            WriteContext tx,
            UUID workspaceId,
            Survey survey,
            List<ResponseSubmission> submissions,
            java.util.function.IntFunction<SurveyDefinition> versions,
            Instant now) {
        // on PostgreSQL another transaction may store a client key meanwhile: those go one by one,
        // so that the unique key fails the write instead of the bulk insert skipping the row
        boolean keysInBulk = tx.dialect() == Dialect.DUCKDB;
        Set<String> storedKeys = keysInBulk ? storedClientKeys(tx, workspaceId, survey.id(), submissions) : Set.of();
        Set<String> keysInList = new HashSet<>();
        Rows rows = new Rows(true);
        List<Saved> saved = new ArrayList<>(submissions.size());
        for (ResponseSubmission submission : submissions) {
            boolean linked =
                    submission.responseId() != null || (submission.singleUse() && submission.tokenId() != null);
            String key = submission.clientKey();
            boolean fresh =
                    !linked && (key == null || (keysInBulk && !storedKeys.contains(key) && keysInList.add(key)));
            if (fresh) {
                saved.add(plan(tx, workspaceId, survey, submission, versions, now, rows, true));
            } else {
                rows.write(tx, workspaceId);
                Rows alone = new Rows(false);
                saved.add(plan(tx, workspaceId, survey, submission, versions, now, alone, false));
                alone.write(tx, workspaceId);
            }
        }
        rows.write(tx, workspaceId);
        return saved;
    }

    private static Set<String> storedClientKeys(
            WriteContext tx, UUID workspaceId, UUID surveyId, List<ResponseSubmission> submissions) {
        Object[] keys = submissions.stream()
                .map(ResponseSubmission::clientKey)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toArray();
        if (keys.length == 0) {
            return Set.of();
        }
        try {
            return new HashSet<>(tx.jdbc()
                    .sql("select client_key from responses where workspace_id = ? and survey_id = ? "
                            + "and client_key in (select unnest(?))")
                    .params(workspaceId, surveyId, tx.connection().createArrayOf("VARCHAR", keys))
                    .query(String.class)
                    .list());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up client keys: " + e.getMessage(), e);
        }
    }

    /**
     * The new rows of one or more saves. Alone ({@code bulk} false), each row is one plain insert, so
     * a unique key taken meanwhile (a client key, a single-use link) fails the write as it must; in
     * bulk, only rows with fresh keys come here, and they go in with the store's bulk path.
     */
    private static final class Rows {
        final boolean bulk;
        final List<Object[]> responses = new ArrayList<>();
        final List<Object[]> answers = new ArrayList<>();
        final List<SystemEvents.Event> events = new ArrayList<>();
        final List<Outbox.Message> messages = new ArrayList<>();
        final Map<UUID, Optional<String>> userIds = new HashMap<>();

        Rows(boolean bulk) {
            this.bulk = bulk;
        }

        Optional<String> userId(WriteContext tx, UUID workspaceId, UUID customer) {
            return userIds.computeIfAbsent(customer, c -> Customers.userIdInWrite(tx, workspaceId, c));
        }

        void write(WriteContext tx, UUID workspaceId) {
            try {
                if (bulk) {
                    tx.bulk().appendNew("responses", RESPONSE_COLUMNS, responses);
                    tx.bulk().appendNew("answers", ANSWER_COLUMNS, answers);
                } else {
                    insert(tx, "responses", RESPONSE_COLUMNS, responses);
                    insert(tx, "answers", ANSWER_COLUMNS, answers);
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot store responses: " + e.getMessage(), e);
            }
            SystemEvents.appendAll(tx, workspaceId, events);
            Outbox.appendAll(tx, workspaceId, messages);
            responses.clear();
            answers.clear();
            events.clear();
            messages.clear();
        }

        private static void insert(WriteContext tx, String table, List<String> columns, List<Object[]> rows) {
            String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            for (Object[] row : rows) {
                tx.jdbc().sql(sql).params(row).update();
            }
        }
    }

    static final List<String> RESPONSE_COLUMNS = List.of(
            "workspace_id",
            "id",
            "survey_id",
            "version",
            "customer_id",
            "channel",
            "touchpoint",
            "language",
            "token_id",
            "single_use_key",
            "send_id",
            "started_at",
            "finished_at",
            "partial",
            "nps_score",
            "client_key");

    static final List<String> ANSWER_COLUMNS = List.of(
            "workspace_id",
            "response_id",
            "question_id",
            "question_type",
            "ordinal",
            "value_number",
            "value_text",
            "scale_max",
            "reversed");

    private static Saved plan(
            WriteContext tx,
            UUID workspaceId,
            Survey survey,
            ResponseSubmission submission,
            java.util.function.IntFunction<SurveyDefinition> versions,
            Instant now,
            Rows out,
            boolean knownNew) {
        Optional<SurveyResponse> existing =
                knownNew ? Optional.empty() : find(tx.jdbc(), workspaceId, survey.id(), submission);
        if (existing.isPresent() && !existing.get().surveyId().equals(survey.id())) {
            throw new ConflictException("That response belongs to another survey");
        }
        if (existing.isPresent() && !existing.get().partial()) {
            if (submission.finished()) {
                return new Saved(existing.get(), false);
            }
            throw new ConflictException("This response was already submitted");
        }
        Instant at = submission.submittedAt() == null ? now : submission.submittedAt();
        int version = existing.map(SurveyResponse::version).orElse(survey.version());
        SurveyDefinition definition = version == survey.version() ? survey.definition() : versions.apply(version);
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        existing.ifPresent(r -> merged.putAll(asJson(r.answers())));
        merged.putAll(submission.answers());
        List<AnswerValue> rows = AnswerRules.check(definition, merged, submission.finished());
        Integer nps = definition
                .npsQuestion()
                .flatMap(q ->
                        rows.stream().filter(r -> r.questionId().equals(q.id())).findFirst())
                .map(r -> r.number().intValue())
                .orElse(null);
        UUID id = existing.map(SurveyResponse::id).orElseGet(Ids::next);
        Instant finishedAt = submission.finished() ? at : null;
        String language = submission.language() == null ? definition.defaultLanguage() : submission.language();
        if (existing.isPresent()) {
            tx.jdbc()
                    .sql("update responses set finished_at = ?, partial = ?, nps_score = ?, language = ? "
                            + "where workspace_id = ? and id = ?")
                    .params(Sql.ts(finishedAt), !submission.finished(), nps, language, workspaceId, id)
                    .update();
            tx.jdbc()
                    .sql("delete from answers where workspace_id = ? and response_id = ?")
                    .params(workspaceId, id)
                    .update();
        } else {
            out.responses.add(new Object[] {
                workspaceId,
                id,
                survey.id(),
                version,
                submission.customerId(),
                submission.channel(),
                submission.touchpoint(),
                language,
                submission.tokenId(),
                submission.singleUse() ? submission.tokenId() : null,
                submission.sendId(),
                Sql.ts(at),
                Sql.ts(finishedAt),
                !submission.finished(),
                nps,
                submission.clientKey()
            });
        }
        for (AnswerValue row : rows) {
            out.answers.add(new Object[] {
                workspaceId,
                id,
                row.questionId(),
                row.questionType(),
                row.ordinal(),
                row.number(),
                row.text(),
                row.scaleMax(),
                row.reversed()
            });
        }
        UUID customer = existing.map(SurveyResponse::customerId).orElse(submission.customerId());
        if (submission.finished() && customer != null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("survey_id", survey.id().toString());
            properties.put("survey_name", definition.name());
            properties.put("response_id", id.toString());
            properties.put("channel", submission.channel());
            if (nps != null) {
                properties.put("nps", nps);
            }
            rows.stream()
                    .filter(r -> QuestionType.TEXT.key().equals(r.questionType()))
                    .findFirst()
                    .ifPresent(r -> properties.put("comment", r.text()));
            out.events.add(new SystemEvents.Event(
                    customer,
                    "Survey Answered",
                    "email".equals(submission.channel()) ? "email" : "web",
                    at,
                    properties));
        }
        if (submission.finished()) {
            // in the same write as the response: a webhook subscriber hears of every finished
            // response exactly when it is committed, never of one that rolled back
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("responseId", id.toString());
            data.put("surveyId", survey.id().toString());
            data.put("surveyName", definition.name());
            data.put("customerId", customer == null ? null : customer.toString());
            data.put(
                    "userId",
                    customer == null
                            ? null
                            : out.userId(tx, workspaceId, customer).orElse(null));
            data.put("channel", existing.map(SurveyResponse::channel).orElse(submission.channel()));
            data.put("touchpoint", existing.map(SurveyResponse::touchpoint).orElse(submission.touchpoint()));
            data.put("language", language);
            data.put("nps", nps);
            data.put("submittedAt", at.toString());
            data.put("answers", asJson(rows));
            out.messages.add(new Outbox.Message("response.submitted", data, now));
        }
        SurveyResponse saved = new SurveyResponse(
                id,
                survey.id(),
                version,
                customer,
                existing.map(SurveyResponse::channel).orElse(submission.channel()),
                existing.map(SurveyResponse::touchpoint).orElse(submission.touchpoint()),
                language,
                existing.map(SurveyResponse::startedAt).orElse(at),
                finishedAt,
                !submission.finished(),
                nps,
                existing.map(SurveyResponse::sendId).orElse(submission.sendId()),
                rows);
        return new Saved(saved, submission.finished());
    }

    private static Optional<SurveyResponse> find(
            JdbcClient jdbc, UUID workspaceId, UUID surveyId, ResponseSubmission submission) {
        String where;
        List<Object> params = new ArrayList<>();
        params.add(workspaceId);
        if (submission.responseId() != null) {
            where = "id = ?";
            params.add(submission.responseId());
        } else if (submission.singleUse() && submission.tokenId() != null) {
            where = "single_use_key = ?";
            params.add(submission.tokenId());
        } else if (submission.clientKey() != null) {
            // the whole unique key (workspace, survey, client key), so both stores can use its index
            where = "survey_id = ? and client_key = ?";
            params.add(surveyId);
            params.add(submission.clientKey());
        } else {
            return Optional.empty();
        }
        Optional<SurveyResponse> header = jdbc.sql(
                        "select " + COLUMNS + " from responses where workspace_id = ? and " + where)
                .params(params)
                .query((rs, n) -> header(rs))
                .optional();
        return header.map(
                h -> withAnswers(h, answers(jdbc, workspaceId, List.of(h.id())).getOrDefault(h.id(), List.of())));
    }

    public Optional<SurveyResponse> get(UUID workspaceId, UUID id) {
        return list(workspaceId, "id = ?", List.of(id), 1, 0).stream().findFirst();
    }

    /** Responses matching a condition on the responses table, newest first, with their answers. */
    public List<SurveyResponse> list(UUID workspaceId, String condition, List<Object> params, int limit, int offset) {
        List<Object> all = new ArrayList<>();
        all.add(workspaceId);
        all.addAll(params);
        all.add(limit);
        all.add(offset);
        List<SurveyResponse> headers = store.reads()
                .sql("select " + COLUMNS + " from responses where workspace_id = ? and (" + condition + ") "
                        + "order by started_at desc, id desc limit ? offset ?")
                .params(all)
                .query((rs, n) -> header(rs))
                .list();
        if (headers.isEmpty()) {
            return headers;
        }
        Map<UUID, List<AnswerValue>> answers = answers(
                store.reads(),
                workspaceId,
                headers.stream().map(SurveyResponse::id).toList());
        return headers.stream()
                .map(h -> withAnswers(h, answers.getOrDefault(h.id(), List.of())))
                .toList();
    }

    public long count(UUID workspaceId, String condition, List<Object> params) {
        List<Object> all = new ArrayList<>();
        all.add(workspaceId);
        all.addAll(params);
        return store.reads()
                .sql("select count(*) from responses where workspace_id = ? and (" + condition + ")")
                .params(all)
                .query(Long.class)
                .single();
    }

    private static Map<UUID, List<AnswerValue>> answers(JdbcClient jdbc, UUID workspaceId, List<UUID> ids) {
        Map<UUID, List<AnswerValue>> answers = new LinkedHashMap<>();
        InList in = InList.of(ids);
        jdbc.sql(
                        "select response_id, question_id, question_type, ordinal, value_number, value_text, scale_max, reversed "
                                + "from answers where workspace_id = ? and response_id in (" + in.marks() + ") "
                                + "order by response_id, ordinal")
                .params(in.params(workspaceId))
                .query(rs -> {
                    Double number = rs.getObject("value_number") == null ? null : rs.getDouble("value_number");
                    Integer scale = rs.getObject("scale_max") == null ? null : rs.getInt("scale_max");
                    answers.computeIfAbsent(Sql.uuid(rs, "response_id"), k -> new ArrayList<>())
                            .add(new AnswerValue(
                                    rs.getString("question_id"),
                                    rs.getString("question_type"),
                                    rs.getInt("ordinal"),
                                    number,
                                    rs.getString("value_text"),
                                    scale,
                                    rs.getBoolean("reversed")));
                });
        return answers;
    }

    /** Stored rows back to the JSON values they were given as. */
    static Map<String, JsonNode> asJson(List<AnswerValue> rows) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
        for (AnswerValue row : rows) {
            if (QuestionType.MULTI_CHOICE.key().equals(row.questionType())) {
                ((ArrayNode) values.computeIfAbsent(row.questionId(), k -> nodes.arrayNode())).add(row.text());
            } else if (row.number() != null) {
                values.put(row.questionId(), nodes.numberNode(row.number().intValue()));
            } else {
                values.put(row.questionId(), nodes.stringNode(row.text()));
            }
        }
        return values;
    }

    private static SurveyResponse withAnswers(SurveyResponse h, List<AnswerValue> answers) {
        return new SurveyResponse(
                h.id(),
                h.surveyId(),
                h.version(),
                h.customerId(),
                h.channel(),
                h.touchpoint(),
                h.language(),
                h.startedAt(),
                h.finishedAt(),
                h.partial(),
                h.nps(),
                h.sendId(),
                List.copyOf(answers));
    }

    private static SurveyResponse header(ResultSet rs) throws SQLException {
        return new SurveyResponse(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "survey_id"),
                rs.getInt("version"),
                Sql.uuid(rs, "customer_id"),
                rs.getString("channel"),
                rs.getString("touchpoint"),
                rs.getString("language"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"),
                rs.getBoolean("partial"),
                rs.getObject("nps_score") == null ? null : rs.getInt("nps_score"),
                Sql.uuid(rs, "send_id"),
                List.of());
    }
}
