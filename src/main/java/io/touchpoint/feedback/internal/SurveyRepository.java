package io.touchpoint.feedback.internal;

import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.SurveyDefinition;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads of surveys and their versions. */
@Component
public class SurveyRepository {

    private static final String SELECT = "select s.id, s.status, s.version, s.created_at, s.updated_at, v.definition, "
            + "(select count(*) from responses r where r.workspace_id = s.workspace_id and r.survey_id = s.id "
            + "and not r.partial) as responses "
            + "from surveys s join survey_versions v on v.survey_id = s.id and v.version = s.version ";

    private final Store store;

    SurveyRepository(Store store) {
        this.store = store;
    }

    public static void insertVersion(
            WriteContext tx, UUID workspaceId, UUID surveyId, int version, SurveyDefinition definition, Instant now) {
        tx.jdbc()
                .sql("insert into survey_versions (workspace_id, survey_id, version, definition, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(workspaceId, surveyId, version, Json.write(definition), Sql.ts(now))
                .update();
    }

    public Optional<Survey> find(UUID workspaceId, UUID id) {
        return store.reads()
                .sql(SELECT + "where s.workspace_id = ? and s.id = ?")
                .params(workspaceId, id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The workspace a survey belongs to (survey ids are unique across workspaces). */
    public Optional<UUID> workspaceOf(UUID surveyId) {
        return store.reads()
                .sql("select workspace_id from surveys where id = ?")
                .param(surveyId)
                .query((rs, n) -> Sql.uuid(rs, "workspace_id"))
                .optional();
    }

    public List<Survey> list(UUID workspaceId) {
        return store.reads()
                .sql(SELECT + "where s.workspace_id = ? order by s.created_at desc")
                .param(workspaceId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<SurveyDefinition> version(UUID workspaceId, UUID id, int version) {
        return store.reads()
                .sql("select definition from survey_versions where workspace_id = ? and survey_id = ? and version = ?")
                .params(workspaceId, id, version)
                .query((rs, n) -> definition(rs.getString("definition")))
                .optional();
    }

    static SurveyDefinition definition(String json) {
        return Json.MAPPER.readValue(json, SurveyDefinition.class);
    }

    private static Survey row(ResultSet rs) throws SQLException {
        return new Survey(
                Sql.uuid(rs, "id"),
                rs.getString("status"),
                rs.getInt("version"),
                definition(rs.getString("definition")),
                rs.getLong("responses"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
