package io.touchpoint.workspace.internal;

import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.workspace.Workspace;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** Workspaces table. */
@Repository
public class WorkspaceRepository {

    private final Store store;

    WorkspaceRepository(Store store) {
        this.store = store;
    }

    public Optional<Workspace> find(UUID id) {
        return store.reads()
                .sql("select workspace_id, name, time_zone, default_language from workspaces where workspace_id = ?")
                .param(id)
                .query((rs, i) -> new Workspace(
                        Sql.uuid(rs, "workspace_id"),
                        rs.getString("name"),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getString("default_language")))
                .optional();
    }

    public List<Workspace> all() {
        return store.reads()
                .sql(
                        "select workspace_id, name, time_zone, default_language from workspaces order by created_at, workspace_id")
                .query((rs, i) -> new Workspace(
                        Sql.uuid(rs, "workspace_id"),
                        rs.getString("name"),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getString("default_language")))
                .list();
    }

    public Optional<Workspace> oldest() {
        return store.reads()
                .sql("select workspace_id from workspaces order by created_at, workspace_id limit 1")
                .query(UUID.class)
                .optional()
                .flatMap(this::find);
    }

    public static void insert(WriteContext tx, Workspace workspace, Instant now) {
        tx.jdbc()
                .sql(
                        "insert into workspaces (workspace_id, name, time_zone, default_language, created_at) values (?, ?, ?, ?, ?)")
                .params(
                        workspace.id(),
                        workspace.name(),
                        workspace.timeZone().getId(),
                        workspace.defaultLanguage(),
                        Sql.ts(now))
                .update();
    }

    public static void update(WriteContext tx, Workspace workspace) {
        tx.jdbc()
                .sql("update workspaces set name = ?, time_zone = ?, default_language = ? where workspace_id = ?")
                .params(workspace.name(), workspace.timeZone().getId(), workspace.defaultLanguage(), workspace.id())
                .update();
    }
}
