package io.touchpoint.workspace;

import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Store;
import io.touchpoint.workspace.internal.ApiKeyAuthenticator;
import io.touchpoint.workspace.internal.ApiKeyCodec;
import io.touchpoint.workspace.internal.ApiKeyRepository;
import io.touchpoint.workspace.internal.UserRepository;
import io.touchpoint.workspace.internal.WorkspaceRepository;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The workspace module's face: workspaces, their users and their API keys. */
@Service
public class Workspaces {

    /** Languages the UI and surveys ship texts for. */
    public static final Set<String> LANGUAGES = Set.of("en", "ko");

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final Store store;
    private final WorkspaceRepository workspaces;
    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final ApiKeyAuthenticator authenticator;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Workspaces(
            Store store,
            WorkspaceRepository workspaces,
            UserRepository users,
            ApiKeyRepository keys,
            ApiKeyAuthenticator authenticator,
            PasswordEncoder passwordEncoder,
            Clock clock) {
        this.store = store;
        this.workspaces = workspaces;
        this.users = users;
        this.keys = keys;
        this.authenticator = authenticator;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public Workspace get(UUID workspaceId) {
        return workspaces.find(workspaceId).orElseThrow(() -> new NotFoundException("No workspace " + workspaceId));
    }

    /** Every workspace, oldest first (background work that visits each, such as metric rollups). */
    public List<Workspace> all() {
        return workspaces.all();
    }

    /** The first workspace created; the one a fresh install and the demo use. */
    public Workspace defaultWorkspace() {
        return workspaces.oldest().orElseThrow(() -> new IllegalStateException("No workspace exists yet"));
    }

    public Workspace create(String name, ZoneId timeZone, String defaultLanguage) {
        Workspace workspace = new Workspace(Ids.next(), name, timeZone, defaultLanguage);
        Instant now = clock.instant();
        store.write(tx -> {
            WorkspaceRepository.insert(tx, workspace, now);
            return null;
        });
        return workspace;
    }

    public Workspace updateSettings(UUID workspaceId, String name, String timeZone, String defaultLanguage) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add(new FieldProblem("name", "must be 1 to 100 characters"));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.trim());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "is not a known time zone (use a name such as Asia/Seoul)"));
        }
        if (!LANGUAGES.contains(defaultLanguage)) {
            problems.add(new FieldProblem("defaultLanguage", "must be one of " + LANGUAGES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The workspace settings are not valid", problems);
        }
        Workspace updated = new Workspace(workspaceId, name.trim(), zone, defaultLanguage);
        get(workspaceId);
        store.write(tx -> {
            WorkspaceRepository.update(tx, updated);
            return null;
        });
        return updated;
    }

    public boolean anyUserExists() {
        return users.anyExists();
    }

    public List<UserAccount> users(UUID workspaceId) {
        return users.list(workspaceId);
    }

    public UserAccount addUser(UUID workspaceId, NewUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        String email = user.email() == null ? "" : user.email().trim();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            problems.add(new FieldProblem("email", "must be an email address"));
        } else if (users.emailTaken(email)) {
            problems.add(new FieldProblem("email", "is already used by another user"));
        }
        if (user.password() == null || user.password().length() < MIN_PASSWORD_LENGTH) {
            problems.add(new FieldProblem("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (user.password().length() > 256) {
            problems.add(new FieldProblem("password", "must be at most 256 characters"));
        }
        if (user.role() == null) {
            problems.add(new FieldProblem("role", "must be one of ADMIN, ANALYST, AGENT"));
        }
        String displayName = user.displayName() == null || user.displayName().isBlank()
                ? email.split("@")[0]
                : user.displayName().trim();
        if (displayName.length() > 100) {
            problems.add(new FieldProblem("displayName", "must be at most 100 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The user cannot be added", problems);
        }
        UUID id = Ids.next();
        Instant now = clock.instant();
        String hash = passwordEncoder.encode(user.password());
        store.write(tx -> {
            UserRepository.insert(tx, workspaceId, id, email, displayName, hash, user.role(), now);
            return null;
        });
        return new UserAccount(id, UserRepository.normalizeEmail(email), displayName, user.role(), false, now);
    }

    public List<ApiKeyInfo> apiKeys(UUID workspaceId) {
        return keys.list(workspaceId);
    }

    public CreatedApiKey createApiKey(UUID workspaceId, ApiKeyKind kind, String name, String createdBy) {
        String plaintext = ApiKeyCodec.generate(kind);
        return new CreatedApiKey(register(workspaceId, kind, name, plaintext, createdBy), plaintext);
    }

    /**
     * Registers a key whose plaintext the operator chose (TOUCHPOINT_BOOTSTRAP_* variables). Any
     * string of 16 or more characters is accepted.
     */
    public ApiKeyInfo registerApiKey(
            UUID workspaceId, ApiKeyKind kind, String name, String plaintext, String createdBy) {
        if (plaintext == null || plaintext.length() < 16) {
            throw new InvalidInputException("key", "must be at least 16 characters");
        }
        if (keys.hashExists(ApiKeyCodec.hash(plaintext))) {
            throw new InvalidInputException("key", "is already registered");
        }
        return register(workspaceId, kind, name, plaintext, createdBy);
    }

    public boolean apiKeyRegistered(String plaintext) {
        return keys.hashExists(ApiKeyCodec.hash(plaintext));
    }

    private ApiKeyInfo register(UUID workspaceId, ApiKeyKind kind, String name, String plaintext, String createdBy) {
        String cleanName = name == null || name.isBlank() ? kind.name().toLowerCase() + " key" : name.trim();
        if (cleanName.length() > 100) {
            throw new InvalidInputException("name", "must be at most 100 characters");
        }
        ApiKeyInfo info = new ApiKeyInfo(
                Ids.next(), kind, cleanName, ApiKeyCodec.hint(plaintext), clock.instant(), createdBy, null);
        String hash = ApiKeyCodec.hash(plaintext);
        store.write(tx -> {
            ApiKeyRepository.insert(tx, workspaceId, info, hash);
            return null;
        });
        return info;
    }

    public void revokeApiKey(UUID workspaceId, UUID keyId) {
        Instant now = clock.instant();
        int changed = store.write(tx -> ApiKeyRepository.revoke(tx, workspaceId, keyId, now));
        if (changed == 0) {
            throw new NotFoundException("No active API key " + keyId + " in this workspace");
        }
        authenticator.forgetAll();
    }
}
