package io.touchpoint.workspace.internal;

import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.TouchpointUser;
import io.touchpoint.workspace.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** Users table; emails are stored lower-case so sign-in is case-insensitive. */
@Repository
public class UserRepository {

    private final Store store;

    UserRepository(Store store) {
        this.store = store;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public boolean anyExists() {
        return store.reads().sql("select count(*) from users").query(Long.class).single() > 0;
    }

    public boolean emailTaken(String email) {
        return store.reads()
                        .sql("select count(*) from users where email = ?")
                        .param(normalizeEmail(email))
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<TouchpointUser> findForLogin(String email) {
        return store.reads()
                .sql(
                        "select id, workspace_id, email, display_name, role, disabled, password_hash from users where email = ?")
                .param(normalizeEmail(email))
                .query((rs, i) -> new TouchpointUser(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "workspace_id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        !rs.getBoolean("disabled"),
                        rs.getString("password_hash")))
                .optional();
    }

    public List<UserAccount> list(UUID workspaceId) {
        return store.reads()
                .sql(
                        "select id, email, display_name, role, disabled, created_at from users where workspace_id = ? order by email")
                .param(workspaceId)
                .query((rs, i) -> new UserAccount(
                        Sql.uuid(rs, "id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getBoolean("disabled"),
                        Sql.instant(rs, "created_at")))
                .list();
    }

    public static void insert(
            WriteContext tx,
            UUID workspaceId,
            UUID id,
            String email,
            String displayName,
            String passwordHash,
            Role role,
            Instant now) {
        tx.jdbc()
                .sql(
                        """
                insert into users (workspace_id, id, email, display_name, password_hash, role, disabled, created_at)
                values (?, ?, ?, ?, ?, ?, false, ?)""")
                .params(workspaceId, id, normalizeEmail(email), displayName, passwordHash, role.name(), Sql.ts(now))
                .update();
    }
}
