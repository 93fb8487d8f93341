package io.touchpoint.feedback.internal;

import io.touchpoint.customers.CustomerDataContributor;
import io.touchpoint.customers.Identity;
import io.touchpoint.feedback.AnswerChanges;
import io.touchpoint.feedback.SurveyResponse;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The feedback module's part of a GDPR export or erase: responses with answers, sends, contacts. */
@Component
class FeedbackCustomerData implements CustomerDataContributor {

    private final Store store;
    private final ResponseStore responses;
    private final AnswerChanges changes;

    FeedbackCustomerData(Store store, ResponseStore responses, AnswerChanges changes) {
        this.store = store;
        this.responses = responses;
        this.changes = changes;
    }

    @Override
    public String section() {
        return "feedback";
    }

    @Override
    public Object export(UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities) {
        InList in = InList.of(profileIds);
        Map<String, Object> section = new LinkedHashMap<>();
        List<SurveyResponse> answered = responses.list(
                workspaceId, "customer_id in (" + in.marks() + ")", List.copyOf(in.values()), 100_000, 0);
        section.put("responses", answered);
        section.put(
                "surveySends",
                store.reads()
                        .sql("select d.id, d.survey_id, d.channel, d.due_at, d.status, d.reason, d.reason_detail, "
                                + "d.processed_at from survey_sends d where d.workspace_id = ? and d.customer_id in ("
                                + in.marks() + ") order by d.due_at")
                        .params(in.params(workspaceId))
                        .query((rs, n) -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("id", rs.getString("id"));
                            row.put("surveyId", rs.getString("survey_id"));
                            row.put("channel", rs.getString("channel"));
                            row.put("dueAt", io.touchpoint.platform.Sql.instant(rs, "due_at"));
                            row.put("status", rs.getString("status"));
                            row.put("reason", rs.getString("reason_detail"));
                            return row;
                        })
                        .list());
        section.put(
                "surveyContacts",
                store.reads()
                        .sql("select survey_id, channel, contacted_at from survey_contacts where workspace_id = ? "
                                + "and customer_id in (" + in.marks() + ") order by contacted_at")
                        .params(in.params(workspaceId))
                        .query((rs, n) -> Map.of(
                                "surveyId", rs.getString("survey_id"),
                                "channel", rs.getString("channel"),
                                "contactedAt", io.touchpoint.platform.Sql.instant(rs, "contacted_at")))
                        .list());
        return section;
    }

    /** Their answers now count for another person's segments: the days they were finished on are stale. */
    @Override
    public void regrouped(WriteContext tx, UUID workspaceId, Collection<UUID> profileIds) {
        changes.recordProfiles(tx, workspaceId, profileIds);
    }

    @Override
    public void erase(WriteContext tx, UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities) {
        InList in = InList.of(profileIds);
        // per-day aggregates of these answers (metrics rollups) must be recomputed
        changes.recordProfiles(tx, workspaceId, profileIds);
        tx.jdbc()
                .sql("delete from answers where workspace_id = ? and response_id in (select id from responses "
                        + "where workspace_id = ? and customer_id in (" + in.marks() + "))")
                .params(withTwice(workspaceId, in))
                .update();
        for (String table : List.of("responses", "survey_sends", "survey_contacts")) {
            tx.jdbc()
                    .sql("delete from " + table + " where workspace_id = ? and customer_id in (" + in.marks() + ")")
                    .params(in.params(workspaceId))
                    .update();
        }
    }

    private static List<Object> withTwice(UUID workspaceId, InList in) {
        List<Object> params = new java.util.ArrayList<>();
        params.add(workspaceId);
        params.addAll(in.params(workspaceId));
        return params;
    }
}
