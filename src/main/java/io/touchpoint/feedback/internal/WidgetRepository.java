package io.touchpoint.feedback.internal;

import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The widget targeting of surveys ({@code survey_widgets}). */
@Component
public class WidgetRepository {

    private final Store store;

    WidgetRepository(Store store) {
        this.store = store;
    }

    public Optional<SurveyWidget> find(UUID workspaceId, UUID surveyId) {
        return store.reads()
                .sql("select * from survey_widgets where workspace_id = ? and survey_id = ?")
                .params(workspaceId, surveyId)
                .query((rs, n) -> widget(rs))
                .optional();
    }

    /** Enabled widgets of live surveys, oldest first: the candidates for a page view. */
    public List<SurveyWidget> live(UUID workspaceId) {
        return store.reads()
                .sql(
                        "select w.* from survey_widgets w join surveys s on s.id = w.survey_id "
                                + "where w.workspace_id = ? and w.enabled and s.status = 'live' order by w.created_at, w.survey_id")
                .param(workspaceId)
                .query((rs, n) -> widget(rs))
                .list();
    }

    /** Creates or replaces a survey's widget targeting. */
    public void save(UUID workspaceId, SurveyWidget widget, Instant now) {
        store.write(tx -> {
            int updated = tx.jdbc()
                    .sql("update survey_widgets set enabled = ?, url_pattern = ?, event = ?, delay_seconds = ?, "
                            + "sample_pct = ?, updated_at = ? where workspace_id = ? and survey_id = ?")
                    .params(
                            widget.enabled(),
                            widget.urlPattern(),
                            widget.event(),
                            widget.delaySeconds(),
                            widget.samplePct(),
                            Sql.ts(now),
                            workspaceId,
                            widget.surveyId())
                    .update();
            if (updated == 0) {
                tx.jdbc()
                        .sql(
                                "insert into survey_widgets (workspace_id, survey_id, enabled, url_pattern, event, "
                                        + "delay_seconds, sample_pct, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                workspaceId,
                                widget.surveyId(),
                                widget.enabled(),
                                widget.urlPattern(),
                                widget.event(),
                                widget.delaySeconds(),
                                widget.samplePct(),
                                Sql.ts(now),
                                Sql.ts(now))
                        .update();
            }
            return null;
        });
    }

    private static SurveyWidget widget(ResultSet rs) throws SQLException {
        return new SurveyWidget(
                Sql.uuid(rs, "survey_id"),
                rs.getBoolean("enabled"),
                rs.getString("url_pattern"),
                rs.getString("event"),
                rs.getInt("delay_seconds"),
                rs.getInt("sample_pct"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
