package io.touchpoint.loop.internal;

import io.touchpoint.loop.Rule;
import io.touchpoint.loop.RuleDefinition;
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

/** Rules as stored: the definition is kept as JSON text. */
@Component
public class RuleRepository {

    /** The rule every workspace starts with. */
    public static final String DEFAULT_NAME = "NPS detractor → open a case";

    public static final RuleDefinition DEFAULT_DEFINITION = new RuleDefinition(
            new RuleDefinition.When(RuleDefinition.When.NPS, 6.0, null, null, null, null, null),
            null,
            List.of(new RuleDefinition.Action(RuleDefinition.Action.OPEN_CASE, "normal", null, null, null, null)));

    private final Store store;

    RuleRepository(Store store) {
        this.store = store;
    }

    /** An enabled rule with its workspace, as the worker sees it. */
    public record Active(UUID workspaceId, Rule rule) {}

    public List<Rule> list(UUID workspaceId) {
        return store.reads()
                .sql("select * from loop_rules where workspace_id = ? order by created_at")
                .param(workspaceId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<Rule> get(UUID workspaceId, UUID id) {
        return store.reads()
                .sql("select * from loop_rules where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public List<Active> enabled() {
        return store.reads()
                .sql("select * from loop_rules where enabled order by created_at")
                .query((rs, n) -> new Active(Sql.uuid(rs, "workspace_id"), row(rs)))
                .list();
    }

    public static void insert(
            WriteContext tx, UUID workspaceId, UUID id, String name, boolean enabled, RuleDefinition d, Instant now) {
        tx.jdbc()
                .sql("insert into loop_rules (workspace_id, id, name, enabled, definition, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(workspaceId, id, name, enabled, Json.write(d), Sql.ts(now), Sql.ts(now))
                .update();
    }

    public static int update(
            WriteContext tx, UUID workspaceId, UUID id, String name, boolean enabled, RuleDefinition d, Instant now) {
        return tx.jdbc()
                .sql("update loop_rules set name = ?, enabled = ?, definition = ?, updated_at = ? "
                        + "where workspace_id = ? and id = ?")
                .params(name, enabled, Json.write(d), Sql.ts(now), workspaceId, id)
                .update();
    }

    public static int delete(WriteContext tx, UUID workspaceId, UUID id) {
        return tx.jdbc()
                .sql("delete from loop_rules where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .update();
    }

    static Rule row(ResultSet rs) throws SQLException {
        return new Rule(
                Sql.uuid(rs, "id"),
                rs.getString("name"),
                rs.getBoolean("enabled"),
                Json.MAPPER.readValue(rs.getString("definition"), RuleDefinition.class),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
