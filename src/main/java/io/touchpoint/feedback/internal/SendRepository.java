package io.touchpoint.feedback.internal;

import io.touchpoint.feedback.SurveySend;
import io.touchpoint.feedback.SurveyTrigger;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Triggers, planned sends and the contact history that fatigue rules read. */
@Component
public class SendRepository {

    static final String SEND_COLUMNS = "d.id, d.trigger_id, d.survey_id, s.name as survey_name, d.customer_id, "
            + "d.channel, d.due_at, d.status, d.reason, d.reason_detail, d.processed_at";

    private final Store store;

    SendRepository(Store store) {
        this.store = store;
    }

    public List<SurveyTrigger> triggers(UUID workspaceId, UUID surveyId) {
        return store.reads()
                .sql("select * from survey_triggers where workspace_id = ? and survey_id = ? order by created_at")
                .params(workspaceId, surveyId)
                .query((rs, n) -> trigger(rs))
                .list();
    }

    /** Enabled triggers of live surveys, in every workspace: what the worker scans for. */
    public List<WorkspaceTrigger> activeTriggers() {
        return store.reads()
                .sql("select t.* from survey_triggers t join surveys s on s.id = t.survey_id "
                        + "where t.enabled and s.status = 'live'")
                .query((rs, n) -> new WorkspaceTrigger(Sql.uuid(rs, "workspace_id"), trigger(rs)))
                .list();
    }

    public record WorkspaceTrigger(UUID workspaceId, SurveyTrigger trigger) {}

    /** A send as the worker sees it. */
    public record Due(
            UUID workspaceId,
            UUID id,
            UUID triggerId,
            UUID surveyId,
            UUID customerId,
            String channel,
            String sourceKey,
            Instant dueAt,
            UUID segmentId,
            Instant processedAt) {}

    public List<Due> due(String status, Instant now, int limit) {
        return store.reads()
                .sql("select d.*, t.segment_id from survey_sends d left join survey_triggers t on t.id = d.trigger_id "
                        + "where d.status = ? and d.due_at <= ? order by d.due_at limit ?")
                .params(status, Sql.ts(now), limit)
                .query((rs, n) -> due(rs))
                .list();
    }

    /** Email sends that were not answered and whose reminder is due. */
    public List<Due> remindersDue(Instant now, int limit) {
        return store.reads()
                .sql("select d.*, t.segment_id from survey_sends d left join survey_triggers t on t.id = d.trigger_id "
                        + "where d.status = 'sent' and d.channel = 'email' and d.reminded_at is null "
                        + "and d.reminder_due_at <= ? and not exists (select 1 from responses r "
                        + "where r.workspace_id = d.workspace_id and r.send_id = d.id and not r.partial) "
                        + "order by d.reminder_due_at limit ?")
                .params(Sql.ts(now), limit)
                .query((rs, n) -> due(rs))
                .list();
    }

    /** Widget sends waiting for this person's visit. */
    public List<Due> ready(UUID workspaceId, List<UUID> group) {
        InList in = InList.of(group);
        List<Object> params = in.params(workspaceId);
        return store.reads()
                .sql("select d.*, t.segment_id from survey_sends d left join survey_triggers t on t.id = d.trigger_id "
                        + "where d.workspace_id = ? and d.status = 'ready' and d.customer_id in (" + in.marks()
                        + ") order by d.due_at")
                .params(params)
                .query((rs, n) -> due(rs))
                .list();
    }

    public List<SurveySend> sends(UUID workspaceId, String condition, List<Object> params, int limit) {
        List<Object> all = new ArrayList<>();
        all.add(workspaceId);
        all.addAll(params);
        all.add(limit);
        return store.reads()
                .sql("select " + SEND_COLUMNS + " from survey_sends d join surveys s on s.id = d.survey_id "
                        + "where d.workspace_id = ? and (" + condition + ") order by d.due_at desc limit ?")
                .params(all)
                .query((rs, n) -> send(rs))
                .list();
    }

    /** Everything that counts as having asked this person: invitations sent, widgets shown, answers given. */
    public List<ContactPolicy.Contact> history(UUID workspaceId, List<UUID> group, Instant since) {
        InList in = InList.of(group);
        List<Object> params = new ArrayList<>(in.params(workspaceId));
        params.add(Sql.ts(since));
        params.add(workspaceId);
        params.addAll(in.values());
        params.add(Sql.ts(since));
        return store.reads()
                .sql("select c.survey_id, s.name, c.channel, c.contacted_at as at from survey_contacts c "
                        + "join surveys s on s.id = c.survey_id where c.workspace_id = ? and c.customer_id in ("
                        + in.marks() + ") and c.contacted_at >= ? "
                        + "union all select r.survey_id, s.name, r.channel, r.started_at as at from responses r "
                        + "join surveys s on s.id = r.survey_id where r.workspace_id = ? and r.customer_id in ("
                        + in.marks() + ") and r.started_at >= ? and r.send_id is null and r.channel <> 'widget'")
                .params(params)
                .query((rs, n) -> new ContactPolicy.Contact(
                        Sql.uuid(rs, "survey_id"),
                        rs.getString("name"),
                        rs.getString("channel"),
                        Sql.instant(rs, "at")))
                .list();
    }

    /** Plans a send unless one exists for the same survey, person and source; true when new. */
    public static boolean plan(
            WriteContext tx,
            UUID workspaceId,
            UUID id,
            UUID triggerId,
            UUID surveyId,
            UUID customerId,
            String channel,
            String sourceKey,
            Instant dueAt,
            String status,
            String reason,
            String detail,
            Instant now) {
        return tx.jdbc()
                        .sql("insert into survey_sends (workspace_id, id, trigger_id, survey_id, customer_id, channel, "
                                + "source_key, due_at, status, reason, reason_detail, processed_at, created_at) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                + "on conflict (workspace_id, survey_id, customer_id, source_key) do nothing")
                        .params(
                                workspaceId,
                                id,
                                triggerId,
                                surveyId,
                                customerId,
                                channel,
                                sourceKey,
                                Sql.ts(dueAt),
                                status,
                                reason,
                                detail,
                                reason == null ? null : Sql.ts(now),
                                Sql.ts(now))
                        .update()
                > 0;
    }

    /** Moves a send from one status to another; false when another worker moved it first. */
    public static boolean move(
            WriteContext tx, UUID id, String from, String to, String reason, String detail, Instant now) {
        return tx.jdbc()
                        .sql("update survey_sends set status = ?, reason = ?, reason_detail = ?, processed_at = ? "
                                + "where id = ? and status = ?")
                        .params(to, reason, detail, Sql.ts(now), id, from)
                        .update()
                > 0;
    }

    public static void contact(
            WriteContext tx, UUID workspaceId, UUID id, UUID customerId, UUID surveyId, String channel, Instant at) {
        tx.jdbc()
                .sql("insert into survey_contacts (workspace_id, id, customer_id, survey_id, channel, contacted_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(workspaceId, id, customerId, surveyId, channel, Sql.ts(at))
                .update();
    }

    private static Due due(ResultSet rs) throws SQLException {
        return new Due(
                Sql.uuid(rs, "workspace_id"),
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "trigger_id"),
                Sql.uuid(rs, "survey_id"),
                Sql.uuid(rs, "customer_id"),
                rs.getString("channel"),
                rs.getString("source_key"),
                Sql.instant(rs, "due_at"),
                Sql.uuid(rs, "segment_id"),
                Sql.instant(rs, "processed_at"));
    }

    static SurveySend send(ResultSet rs) throws SQLException {
        return new SurveySend(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "trigger_id"),
                Sql.uuid(rs, "survey_id"),
                rs.getString("survey_name"),
                Sql.uuid(rs, "customer_id"),
                rs.getString("channel"),
                Sql.instant(rs, "due_at"),
                rs.getString("status"),
                rs.getString("reason"),
                rs.getString("reason_detail"),
                Sql.instant(rs, "processed_at"));
    }

    static SurveyTrigger trigger(ResultSet rs) throws SQLException {
        return new SurveyTrigger(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "survey_id"),
                rs.getString("event"),
                Duration.ofSeconds(rs.getLong("delay_seconds")),
                rs.getString("channel"),
                rs.getInt("sample_pct"),
                Sql.uuid(rs, "segment_id"),
                rs.getBoolean("enabled"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "resumed_at"));
    }
}
