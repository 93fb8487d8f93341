package io.touchpoint.workspace.internal;

import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.workspace.ApiCaller;
import io.touchpoint.workspace.ApiKeyInfo;
import io.touchpoint.workspace.ApiKeyKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** API keys table: keys are found by the SHA-256 of their plaintext. */
@Repository
public class ApiKeyRepository {

    private final Store store;

    ApiKeyRepository(Store store) {
        this.store = store;
    }

    public Optional<ApiCaller> findActiveByHash(String hash) {
        return store.reads()
                .sql("select workspace_id, id, kind from api_keys where key_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, i) -> new ApiCaller(
                        Sql.uuid(rs, "workspace_id"), Sql.uuid(rs, "id"), ApiKeyKind.valueOf(rs.getString("kind"))))
                .optional();
    }

    public boolean hashExists(String hash) {
        return store.reads()
                        .sql("select count(*) from api_keys where key_hash = ?")
                        .param(hash)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<ApiKeyInfo> list(UUID workspaceId) {
        return store.reads()
                .sql(
                        """
                        select id, kind, name, key_hint, created_at, created_by, revoked_at from api_keys
                        where workspace_id = ? order by revoked_at is not null, created_at desc""")
                .param(workspaceId)
                .query((rs, i) -> new ApiKeyInfo(
                        Sql.uuid(rs, "id"),
                        ApiKeyKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("key_hint"),
                        Sql.instant(rs, "created_at"),
                        rs.getString("created_by"),
                        Sql.instant(rs, "revoked_at")))
                .list();
    }

    public static void insert(WriteContext tx, UUID workspaceId, ApiKeyInfo info, String hash) {
        tx.jdbc()
                .sql(
                        """
                insert into api_keys (workspace_id, id, kind, name, key_hint, key_hash, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        workspaceId,
                        info.id(),
                        info.kind().name(),
                        info.name(),
                        info.hint(),
                        hash,
                        Sql.ts(info.createdAt()),
                        info.createdBy())
                .update();
    }

    public static int revoke(WriteContext tx, UUID workspaceId, UUID keyId, Instant now) {
        return tx.jdbc()
                .sql("update api_keys set revoked_at = ? where workspace_id = ? and id = ? and revoked_at is null")
                .params(Sql.ts(now), workspaceId, keyId)
                .update();
    }
}
