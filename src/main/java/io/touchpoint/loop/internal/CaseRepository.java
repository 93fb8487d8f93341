package io.touchpoint.loop.internal;

import io.touchpoint.loop.Actor;
import io.touchpoint.loop.Case;
import io.touchpoint.loop.CaseEntry;
import io.touchpoint.loop.CaseFilter;
import io.touchpoint.loop.CaseStatus;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Outbox;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Cases and their history: reads, and the writes that run inside a caller's write unit. */
@Component
public class CaseRepository {

    static final String COLUMNS = "k.*, u.display_name as owner_name, c.user_id as customer_user_id";
    static final String FROM = " from cases k left join users u on u.id = k.owner_id "
            + "left join customers c on c.workspace_id = k.workspace_id and c.id = k.customer_id ";

    private final Store store;
    private final Clock clock;

    CaseRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new case as a rule or a person opens it. */
    public record NewCase(
            UUID workspaceId,
            String title,
            String priority,
            UUID customerId,
            UUID responseId,
            UUID ruleId,
            Instant dueAt,
            Actor actor,
            String note) {}

    /** Inserts a case with its first history line and its case.opened outbox message. */
    public static UUID open(WriteContext tx, NewCase c, Instant now) {
        UUID id = Ids.next();
        long number = tx.jdbc()
                .sql("select coalesce(max(number), 0) + 1 from cases where workspace_id = ?")
                .param(c.workspaceId())
                .query(Long.class)
                .single();
        tx.jdbc()
                .sql("insert into cases (workspace_id, id, number, title, status, priority, owner_id, customer_id, "
                        + "response_id, rule_id, opened_at, due_at, escalation_level, breached, updated_at) "
                        + "values (?, ?, ?, ?, 'open', ?, null, ?, ?, ?, ?, ?, 0, false, ?)")
                .params(
                        c.workspaceId(),
                        id,
                        number,
                        c.title(),
                        c.priority(),
                        c.customerId(),
                        c.responseId(),
                        c.ruleId(),
                        Sql.ts(now),
                        Sql.ts(c.dueAt()),
                        Sql.ts(now))
                .update();
        history(tx, c.workspaceId(), id, c.actor(), "opened", null, null, CaseStatus.OPEN, c.note(), now);
        Outbox.append(tx, c.workspaceId(), "case.opened", event(id, CaseStatus.OPEN, c, now), now);
        return id;
    }

    private static Map<String, Object> event(UUID id, String status, NewCase c, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", id);
        data.put("status", status);
        data.put("priority", c.priority());
        data.put("customerId", c.customerId());
        data.put("responseId", c.responseId());
        data.put("ruleId", c.ruleId());
        data.put("at", now.toString());
        return data;
    }

    /** The outbox message for a change: case.resolved when it became resolved, else case.updated. */
    public static void announce(
            WriteContext tx, UUID workspaceId, Case k, String status, String priority, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", k.id());
        data.put("status", status);
        data.put("priority", priority);
        data.put("customerId", k.customerId());
        data.put("responseId", k.responseId());
        data.put("ruleId", k.ruleId());
        data.put("at", now.toString());
        boolean resolved = CaseStatus.RESOLVED.equals(status) && !CaseStatus.RESOLVED.equals(k.status());
        Outbox.append(tx, workspaceId, resolved ? "case.resolved" : "case.updated", data, now);
    }

    public static void history(
            WriteContext tx,
            UUID workspaceId,
            UUID caseId,
            Actor actor,
            String kind,
            String field,
            String oldValue,
            String newValue,
            String body,
            Instant at) {
        tx.jdbc()
                .sql("insert into case_history (workspace_id, id, case_id, actor_id, actor, kind, field, old_value, "
                        + "new_value, body, happened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        workspaceId,
                        Ids.next(),
                        caseId,
                        actor.userId(),
                        actor.name(),
                        kind,
                        field,
                        oldValue,
                        newValue,
                        body,
                        Sql.ts(at))
                .update();
    }

    /** Sets one column of a case (a fixed list of names, never user input) and its updated time. */
    public static void set(WriteContext tx, UUID workspaceId, UUID caseId, String column, Object value, Instant now) {
        if (!List.of(
                        "status",
                        "priority",
                        "owner_id",
                        "due_at",
                        "resolved_at",
                        "closed_at",
                        "first_response_at",
                        "escalation_level",
                        "breached",
                        "follow_up_send_id")
                .contains(column)) {
            throw new IllegalArgumentException("not a case column: " + column);
        }
        tx.jdbc()
                .sql("update cases set " + column + " = ?, updated_at = ? where workspace_id = ? and id = ?")
                .params(value, Sql.ts(now), workspaceId, caseId)
                .update();
    }

    /** The first time a person answered or changed the case counts as its first response. */
    public static void firstResponse(WriteContext tx, UUID workspaceId, UUID caseId, Instant now) {
        tx.jdbc()
                .sql("update cases set first_response_at = ? where workspace_id = ? and id = ? "
                        + "and first_response_at is null")
                .params(Sql.ts(now), workspaceId, caseId)
                .update();
    }

    public Optional<Case> get(UUID workspaceId, UUID id) {
        Instant now = clock.instant();
        return store.reads()
                .sql("select " + COLUMNS + FROM + "where k.workspace_id = ? and k.id = ?")
                .params(workspaceId, id)
                .query((rs, n) -> row(rs, now))
                .optional();
    }

    /** Read inside a write unit, so a change sees the case as committed before it. */
    public static Optional<Case> get(WriteContext tx, UUID workspaceId, UUID id, Instant now) {
        return tx.jdbc()
                .sql("select " + COLUMNS + FROM + "where k.workspace_id = ? and k.id = ?")
                .params(workspaceId, id)
                .query((rs, n) -> row(rs, now))
                .optional();
    }

    public List<Case> list(UUID workspaceId, CaseFilter filter, int limit) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder("where k.workspace_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(workspaceId);
        if (filter.userId() != null) {
            where.append(" and c.user_id = ?");
            params.add(filter.userId());
        }
        if (filter.status() != null) {
            where.append(" and k.status = ?");
            params.add(filter.status());
        }
        if (filter.priority() != null) {
            where.append(" and k.priority = ?");
            params.add(filter.priority());
        }
        if (CaseFilter.UNASSIGNED.equals(filter.owner())) {
            where.append(" and k.owner_id is null");
        } else if (filter.owner() != null) {
            where.append(" and k.owner_id = ?");
            params.add(filter.owner());
        }
        boolean bySla = filter.sla() != null;
        params.add(bySla ? 5000 : limit);
        List<Case> cases = store.reads()
                .sql("select " + COLUMNS + FROM + where
                        + " order by case when k.status in ('open', 'in_progress', 'waiting_on_customer') then 0 "
                        + "else 1 end, k.due_at nulls last, k.opened_at desc limit ?")
                .params(params)
                .query((rs, n) -> row(rs, now))
                .list();
        if (bySla) {
            cases = cases.stream()
                    .filter(k -> k.slaState().equals(filter.sla()))
                    .limit(limit)
                    .toList();
        }
        return cases;
    }

    /** Cases still being worked (open, in progress, waiting on the customer). */
    public long countActive(UUID workspaceId) {
        return store.reads()
                .sql("select count(*) from cases where workspace_id = ? "
                        + "and status in ('open', 'in_progress', 'waiting_on_customer')")
                .param(workspaceId)
                .query(Long.class)
                .single();
    }

    public List<CaseEntry> history(UUID workspaceId, UUID caseId) {
        return store.reads()
                .sql("select * from case_history where workspace_id = ? and case_id = ? order by happened_at, id")
                .params(workspaceId, caseId)
                .query((rs, n) -> new CaseEntry(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "actor_id"),
                        rs.getString("actor"),
                        rs.getString("kind"),
                        rs.getString("field"),
                        rs.getString("old_value"),
                        rs.getString("new_value"),
                        rs.getString("body"),
                        Sql.instant(rs, "happened_at")))
                .list();
    }

    /** An active case of some workspace, seen by the escalation job. */
    public record Active(UUID workspaceId, Case k) {}

    /** Active cases with a due time whose owner or admins have not been told everything yet. */
    public List<Active> escalationCandidates(Instant now) {
        return store.reads()
                .sql("select " + COLUMNS + FROM + "where k.status in ('open', 'in_progress', 'waiting_on_customer') "
                        + "and k.due_at is not null and k.escalation_level < 2 order by k.due_at limit 500")
                .query((rs, n) -> new Active(Sql.uuid(rs, "workspace_id"), row(rs, now)))
                .list();
    }

    /** The workspace of a case, for background jobs that see cases of every workspace. */
    public UUID workspaceOf(UUID caseId) {
        return store.reads()
                .sql("select workspace_id from cases where id = ?")
                .param(caseId)
                .query((rs, n) -> Sql.uuid(rs, "workspace_id"))
                .single();
    }

    static Case row(ResultSet rs, Instant now) throws SQLException {
        Instant opened = Sql.instant(rs, "opened_at");
        Instant due = Sql.instant(rs, "due_at");
        Instant resolved = Sql.instant(rs, "resolved_at");
        Instant closed = Sql.instant(rs, "closed_at");
        Instant done = resolved != null ? resolved : closed;
        return new Case(
                Sql.uuid(rs, "id"),
                rs.getLong("number"),
                rs.getString("title"),
                rs.getString("status"),
                rs.getString("priority"),
                Sql.uuid(rs, "owner_id"),
                rs.getString("owner_name"),
                Sql.uuid(rs, "customer_id"),
                rs.getString("customer_user_id"),
                Sql.uuid(rs, "response_id"),
                Sql.uuid(rs, "rule_id"),
                opened,
                Sql.instant(rs, "first_response_at"),
                due,
                resolved,
                closed,
                rs.getInt("escalation_level"),
                SlaState.of(opened, due, done, now),
                Sql.uuid(rs, "follow_up_send_id"),
                Sql.instant(rs, "updated_at"));
    }
}
