package io.touchpoint.support;

import io.touchpoint.workspace.ApiKeyKind;
import io.touchpoint.workspace.NewUser;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Builds isolated workspaces, users and keys for a test, through the same services the app uses. */
@TestComponent
public class Fixtures {

    private final Workspaces workspaces;

    Fixtures(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    /** A new workspace with its own secret and write keys. */
    public TestWorkspace aWorkspace() {
        Workspace workspace = workspaces.create("ws-" + UUID.randomUUID(), ZoneId.of("Asia/Seoul"), "ko");
        String secret = workspaces
                .createApiKey(workspace.id(), ApiKeyKind.SECRET, "test", "test")
                .plaintext();
        String write = workspaces
                .createApiKey(workspace.id(), ApiKeyKind.WRITE, "test", "test")
                .plaintext();
        return new TestWorkspace(workspace, secret, write);
    }

    /** A user with a unique email in the workspace; returns the email. */
    public String aUser(UUID workspaceId, Role role, String password) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        workspaces.addUser(workspaceId, new NewUser(email, role.name(), password, role));
        return email;
    }

    public record TestWorkspace(Workspace workspace, String secretKey, String writeKey) {
        public UUID id() {
            return workspace.id();
        }
    }
}
