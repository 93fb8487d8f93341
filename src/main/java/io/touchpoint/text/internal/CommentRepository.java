package io.touchpoint.text.internal;

import io.touchpoint.platform.InList;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.text.ClauseSentiment;
import io.touchpoint.text.Sentiment;
import io.touchpoint.text.TextAnalysis;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** The analysed comments table, {@code text_comments}. */
@Component
class CommentRepository {

    /** A text answer of a finished response that has not been analysed yet. */
    record Pending(
            UUID workspaceId,
            UUID responseId,
            String questionId,
            UUID surveyId,
            UUID customerId,
            Instant respondedAt,
            Integer nps,
            String text) {}

    /** A stored comment whose themes come from an older taxonomy version. */
    record Stale(UUID workspaceId, UUID id, String redacted, int taxonomyVersion) {}

    /** A stored comment as read back. */
    record Row(
            UUID id,
            UUID responseId,
            String questionId,
            UUID surveyId,
            Instant respondedAt,
            Integer nps,
            String language,
            String redacted,
            Sentiment sentiment,
            double score,
            List<String> themes,
            List<String> keyphrases,
            List<ClauseSentiment> clauses) {}

    static final List<String> COLUMNS = List.of(
            "workspace_id",
            "id",
            "response_id",
            "question_id",
            "survey_id",
            "customer_id",
            "responded_at",
            "nps_score",
            "language",
            "original",
            "redacted",
            "sentiment",
            "score",
            "clauses",
            "themes",
            "keyphrases",
            "taxonomy_version",
            "model_version",
            "analysed_at");

    private static final String SELECT = "select id, response_id, question_id, survey_id, responded_at, nps_score, "
            + "language, redacted, sentiment, score, clauses, themes, keyphrases from text_comments ";
    private static final TypeReference<List<ClauseSentiment>> CLAUSES = new TypeReference<>() {};

    private final Store store;

    CommentRepository(Store store) {
        this.store = store;
    }

    /**
     * Text answers of finished responses without an analysis. It reads the feedback module's tables
     * directly, as the survey send worker reads the events table: a read-only scan that needs no
     * state of its own to be durable (whatever is not in {@code text_comments} is still to do).
     */
    List<Pending> pending(int limit) {
        return store.reads()
                .sql("select a.workspace_id, a.response_id, a.question_id, a.value_text, r.survey_id, r.customer_id, "
                        + "r.started_at, r.nps_score from answers a join responses r on r.workspace_id = "
                        + "a.workspace_id and r.id = a.response_id where a.question_type = 'text' and not r.partial "
                        + "and a.value_text is not null and not exists (select 1 from text_comments c where "
                        + "c.workspace_id = a.workspace_id and c.response_id = a.response_id and c.question_id = "
                        + "a.question_id) order by a.response_id limit ?")
                .params(limit)
                .query((rs, n) -> new Pending(
                        Sql.uuid(rs, "workspace_id"),
                        Sql.uuid(rs, "response_id"),
                        rs.getString("question_id"),
                        Sql.uuid(rs, "survey_id"),
                        Sql.uuid(rs, "customer_id"),
                        Sql.instant(rs, "started_at"),
                        rs.getObject("nps_score", Integer.class),
                        rs.getString("value_text")))
                .list();
    }

    /** Comments analysed under another taxonomy version than their workspace's current one. */
    List<Stale> stale(int limit) {
        return store.reads()
                .sql("select workspace_id, id, redacted, current_version from (select c.workspace_id, c.id, "
                        + "c.redacted, c.taxonomy_version, case when s.taxonomy_version is null or "
                        + "s.taxonomy_version <= 0 then ? else s.taxonomy_version end as current_version "
                        + "from text_comments c left join text_settings s on s.workspace_id = c.workspace_id) v "
                        + "where taxonomy_version <> current_version order by id limit ?")
                .params(ThemeTaxonomy.shippedVersion(), limit)
                .query((rs, n) -> new Stale(
                        Sql.uuid(rs, "workspace_id"),
                        Sql.uuid(rs, "id"),
                        rs.getString("redacted"),
                        rs.getInt("current_version")))
                .list();
    }

    static Object[] row(
            Pending p, UUID id, TextAnalysis a, boolean keepOriginal, int taxonomyVersion, String model, Instant at) {
        return new Object[] {
            p.workspaceId(),
            id,
            p.responseId(),
            p.questionId(),
            p.surveyId(),
            p.customerId(),
            Sql.ts(p.respondedAt()),
            p.nps(),
            a.language(),
            keepOriginal ? TextPipeline.clean(p.text()) : null,
            a.redacted(),
            a.sentiment().json(),
            a.score(),
            Json.write(a.clauses()),
            themes(a.themes()),
            String.join("\n", a.keyphrases()),
            taxonomyVersion,
            model,
            Sql.ts(at)
        };
    }

    /**
     * Inserts analyses (skipping any another node stored first), then drops those whose response was
     * erased after it was read, so that a GDPR erase racing the worker leaves nothing behind.
     */
    static void insert(WriteContext tx, List<Object[]> rows) throws Exception {
        tx.bulk().insertIgnoringDuplicates("text_comments", COLUMNS, rows);
        InList responses = InList.of(rows.stream().map(r -> r[2]).distinct().toList());
        tx.jdbc()
                .sql("delete from text_comments where response_id in (" + responses.marks() + ") and not exists "
                        + "(select 1 from responses r where r.workspace_id = text_comments.workspace_id "
                        + "and r.id = text_comments.response_id)")
                .params(List.copyOf(responses.values()))
                .update();
    }

    static void update(WriteContext tx, Stale s, TextAnalysis a, String model, Instant at) {
        tx.jdbc()
                .sql("update text_comments set language = ?, sentiment = ?, score = ?, clauses = ?, themes = ?, "
                        + "keyphrases = ?, taxonomy_version = ?, model_version = ?, analysed_at = ? "
                        + "where workspace_id = ? and id = ?")
                .params(
                        a.language(),
                        a.sentiment().json(),
                        a.score(),
                        Json.write(a.clauses()),
                        themes(a.themes()),
                        String.join("\n", a.keyphrases()),
                        s.taxonomyVersion(),
                        model,
                        Sql.ts(at),
                        s.workspaceId(),
                        s.id())
                .update();
    }

    /** Theme ids between commas, so that one theme is found with {@code like '%,id,%'}. */
    static String themes(List<String> ids) {
        return "," + String.join(",", ids) + (ids.isEmpty() ? "" : ",");
    }

    /** Matching comments, newest first. */
    List<Row> search(UUID workspaceId, Filter filter, int limit, int offset) {
        List<Object> params = new ArrayList<>(filter.params(workspaceId));
        params.add(limit);
        params.add(offset);
        return store.reads()
                .sql(SELECT + "where " + filter.condition() + " order by responded_at desc, id desc limit ? offset ?")
                .params(params)
                .query((rs, n) -> read(rs))
                .list();
    }

    long count(UUID workspaceId, Filter filter) {
        return store.reads()
                .sql("select count(*) from text_comments where " + filter.condition())
                .params(filter.params(workspaceId))
                .query(Long.class)
                .single();
    }

    /** Every comment of the workspace that responded in [from, to), oldest first. */
    List<Row> between(UUID workspaceId, Instant from, Instant to) {
        return store.reads()
                .sql(SELECT + "where workspace_id = ? and responded_at >= ? and responded_at < ? "
                        + "order by responded_at, id")
                .params(workspaceId, Sql.ts(from), Sql.ts(to))
                .query((rs, n) -> read(rs))
                .list();
    }

    /** A comment's text and its response's NPS answer. */
    record Labelled(String text, int nps) {}

    List<Labelled> labelled(UUID workspaceId) {
        return store.reads()
                .sql("select coalesce(original, redacted) as text, nps_score from text_comments "
                        + "where workspace_id = ? and nps_score is not null and redacted <> ''")
                .params(workspaceId)
                .query((rs, n) -> new Labelled(rs.getString("text"), rs.getInt("nps_score")))
                .list();
    }

    /** Comments of these customer profiles, for a GDPR export. */
    List<Row> ofCustomers(UUID workspaceId, String marks, List<Object> params) {
        return store.reads()
                .sql(SELECT + "where workspace_id = ? and customer_id in (" + marks + ") order by responded_at")
                .params(params)
                .query((rs, n) -> read(rs))
                .list();
    }

    private static Row read(ResultSet rs) throws SQLException {
        return new Row(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "response_id"),
                rs.getString("question_id"),
                Sql.uuid(rs, "survey_id"),
                Sql.instant(rs, "responded_at"),
                rs.getObject("nps_score", Integer.class),
                rs.getString("language"),
                rs.getString("redacted"),
                Sentiment.valueOf(rs.getString("sentiment").toUpperCase(Locale.ROOT)),
                rs.getDouble("score"),
                Arrays.stream(rs.getString("themes").split(","))
                        .filter(t -> !t.isEmpty())
                        .toList(),
                Arrays.stream(rs.getString("keyphrases").split("\n"))
                        .filter(t -> !t.isEmpty())
                        .toList(),
                Json.MAPPER.readValue(rs.getString("clauses"), CLAUSES));
    }

    /** The WHERE clause of a comment search, with its parameters in order. */
    record Filter(
            String search,
            String theme,
            Sentiment sentiment,
            Integer npsMin,
            Integer npsMax,
            String language,
            Instant from,
            Instant to) {

        String condition() {
            List<String> parts = new ArrayList<>();
            parts.add("workspace_id = ?");
            if (search != null) {
                parts.add("lower(redacted) like ? escape '\\'");
            }
            if (theme != null) {
                parts.add("themes like ? escape '\\'");
            }
            if (sentiment != null) {
                parts.add("sentiment = ?");
            }
            if (npsMin != null) {
                parts.add("nps_score >= ?");
            }
            if (npsMax != null) {
                parts.add("nps_score <= ?");
            }
            if (language != null) {
                parts.add("language = ?");
            }
            if (from != null) {
                parts.add("responded_at >= ?");
            }
            if (to != null) {
                parts.add("responded_at < ?");
            }
            return String.join(" and ", parts);
        }

        List<Object> params(UUID workspaceId) {
            List<Object> params = new ArrayList<>();
            params.add(workspaceId);
            if (search != null) {
                String escaped = search.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_");
                params.add("%" + escaped + "%");
            }
            if (theme != null) {
                params.add("%," + theme.replace("_", "\\_") + ",%");
            }
            if (sentiment != null) {
                params.add(sentiment.json());
            }
            if (npsMin != null) {
                params.add(npsMin);
            }
            if (npsMax != null) {
                params.add(npsMax);
            }
            if (language != null) {
                params.add(language);
            }
            if (from != null) {
                params.add(Sql.ts(from));
            }
            if (to != null) {
                params.add(Sql.ts(to));
            }
            return params;
        }
    }
}
