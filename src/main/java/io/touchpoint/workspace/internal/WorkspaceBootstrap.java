package io.touchpoint.workspace.internal;

import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.StartupConfigurationException;
import io.touchpoint.platform.TouchpointProperties;
import io.touchpoint.workspace.ApiKeyKind;
import io.touchpoint.workspace.NewUser;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import java.security.SecureRandom;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * First start: creates the default workspace, the first admin user (from TOUCHPOINT_ADMIN_* or with
 * a generated password printed once) and the bootstrap API keys. Runs before the server accepts
 * requests, and does nothing that is already done.
 */
@Component
class WorkspaceBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceBootstrap.class);
    static final String DEFAULT_ADMIN_EMAIL = "admin@touchpoint.local";

    private final Workspaces workspaces;
    private final TouchpointProperties properties;

    private final String port;

    WorkspaceBootstrap(
            Workspaces workspaces,
            TouchpointProperties properties,
            @org.springframework.beans.factory.annotation.Value("${server.port:8080}") String port) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.port = port;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Workspace workspace = ensureWorkspace();
        ensureAdmin(workspace);
        ensureKey(workspace, ApiKeyKind.SECRET, properties.bootstrap().secretKey(), "TOUCHPOINT_BOOTSTRAP_SECRET_KEY");
        ensureKey(workspace, ApiKeyKind.WRITE, properties.bootstrap().writeKey(), "TOUCHPOINT_BOOTSTRAP_WRITE_KEY");
    }

    private Workspace ensureWorkspace() {
        try {
            return workspaces.defaultWorkspace();
        } catch (IllegalStateException none) {
            Workspace created = workspaces.create("Default workspace", ZoneId.systemDefault(), "en");
            log.info("Created the default workspace {}", created.id());
            return created;
        }
    }

    private void ensureAdmin(Workspace workspace) {
        if (workspaces.anyUserExists()) {
            return;
        }
        var admin = properties.admin();
        String email = StringUtils.hasText(admin.email()) ? admin.email().trim() : DEFAULT_ADMIN_EMAIL;
        boolean generated = !StringUtils.hasText(admin.password());
        String password = generated ? generatePassword() : admin.password();
        if (!generated && password.length() < Workspaces.MIN_PASSWORD_LENGTH) {
            throw new StartupConfigurationException(
                    "TOUCHPOINT_ADMIN_PASSWORD must be at least " + Workspaces.MIN_PASSWORD_LENGTH + " characters");
        }
        try {
            workspaces.addUser(workspace.id(), new NewUser(email, "Admin", password, Role.ADMIN));
        } catch (InvalidInputException e) {
            throw new StartupConfigurationException(
                    "The first admin user cannot be created from TOUCHPOINT_ADMIN_EMAIL and "
                            + "TOUCHPOINT_ADMIN_PASSWORD: "
                            + e.problems().stream()
                                    .map(p -> p.field() + " " + p.message())
                                    .toList());
        }
        if (generated) {
            // Printed once, on purpose: it is the only way to sign in to a fresh install without variables.
            log.warn(
                    """

                    ==================================================================
                      First admin user created. Sign in at http://localhost:{}/login
                        email:    {}
                        password: {}
                      This password is shown only now. Set TOUCHPOINT_ADMIN_EMAIL and
                      TOUCHPOINT_ADMIN_PASSWORD before the first start to choose your own.
                    ==================================================================""",
                    port,
                    email,
                    password);
        } else {
            log.info("Created the first admin user {}", email);
        }
    }

    private void ensureKey(Workspace workspace, ApiKeyKind kind, String plaintext, String variable) {
        if (!StringUtils.hasText(plaintext)) {
            return;
        }
        if (plaintext.length() < 16) {
            throw new StartupConfigurationException(variable + " must be at least 16 characters");
        }
        if (workspaces.apiKeyRegistered(plaintext)) {
            return;
        }
        workspaces.registerApiKey(
                workspace.id(), kind, "bootstrap " + kind.name().toLowerCase() + " key", plaintext, "bootstrap");
        log.info(
                "Registered {} as the default workspace's {} key",
                variable,
                kind.name().toLowerCase());
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
