package io.touchpoint.text.internal;

import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.text.ThemeDefinition;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each workspace's text settings and theme taxonomy. A workspace that never edited its taxonomy
 * uses the shipped default (stored as version 0; its analyses carry the shipped file's own negative
 * version); every change raises the version, and comments analysed under another version are
 * analysed again by the {@link CommentWorker}.
 */
@Component
public class TextStore {

    /** The workspace's settings: whether original comments are kept, and the taxonomy version. */
    public record Settings(boolean keepOriginal, int taxonomyVersion) {}

    private record Compiled(int version, List<ThemeDefinition> definitions, ThemeTaxonomy taxonomy) {}

    private static final Compiled DEFAULT =
            new Compiled(ThemeTaxonomy.shippedVersion(), ThemeTaxonomy.shippedDefinitions(), ThemeTaxonomy.shipped());

    private final Store store;
    private final Clock clock;
    private final Map<UUID, Compiled> cache = new ConcurrentHashMap<>();

    TextStore(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Settings settings(UUID workspaceId) {
        return store.reads()
                .sql("select keep_original, taxonomy_version from text_settings where workspace_id = ?")
                .params(workspaceId)
                .query((rs, n) ->
                        new Settings(rs.getBoolean("keep_original"), effective(rs.getInt("taxonomy_version"))))
                .optional()
                .orElse(new Settings(true, ThemeTaxonomy.shippedVersion()));
    }

    public void keepOriginal(UUID workspaceId, boolean keep) {
        store.write(tx -> {
            Settings now = settings(tx, workspaceId);
            save(tx, workspaceId, keep, Math.max(0, now.taxonomyVersion()));
            if (!keep) {
                tx.jdbc()
                        .sql("update text_comments set original = null where workspace_id = ?")
                        .params(workspaceId)
                        .update();
            }
            return null;
        });
    }

    /** The workspace's themes as analysts edit them. */
    public List<ThemeDefinition> definitions(UUID workspaceId) {
        return compiled(workspaceId, settings(workspaceId).taxonomyVersion()).definitions();
    }

    /** The workspace's current taxonomy, ready to match. */
    public ThemeTaxonomy compiled(UUID workspaceId) {
        return taxonomy(workspaceId, settings(workspaceId).taxonomyVersion());
    }

    ThemeTaxonomy taxonomy(UUID workspaceId, int version) {
        return compiled(workspaceId, version).taxonomy();
    }

    /** Replaces the workspace's taxonomy and raises its version; returns the new version. */
    public int replace(UUID workspaceId, List<ThemeDefinition> themes) {
        int version = store.write(tx -> {
            Settings now = settings(tx, workspaceId);
            tx.jdbc()
                    .sql("delete from text_themes where workspace_id = ?")
                    .params(workspaceId)
                    .update();
            int position = 0;
            for (ThemeDefinition theme : themes) {
                tx.jdbc()
                        .sql("insert into text_themes (workspace_id, id, name_en, name_ko, keywords, position) "
                                + "values (?, ?, ?, ?, ?, ?)")
                        .params(
                                workspaceId,
                                theme.id(),
                                theme.nameEn(),
                                theme.nameKo(),
                                String.join(",", theme.keywords()),
                                position++)
                        .update();
            }
            int next = Math.max(0, now.taxonomyVersion()) + 1;
            save(tx, workspaceId, now.keepOriginal(), next);
            return next;
        });
        cache.remove(workspaceId);
        return version;
    }

    /**
     * Raises the version without changing the taxonomy, so that every stored comment is analysed
     * again (after the workspace's sentiment model changed).
     */
    public void bump(UUID workspaceId) {
        List<ThemeDefinition> current = definitions(workspaceId);
        replace(workspaceId, current);
    }

    /** Stored version 0 (or none) means the shipped taxonomy, whose version is its own. */
    static int effective(int stored) {
        return stored <= 0 ? ThemeTaxonomy.shippedVersion() : stored;
    }

    private Compiled compiled(UUID workspaceId, int version) {
        if (version <= 0) {
            return DEFAULT;
        }
        Compiled cached = cache.get(workspaceId);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        List<ThemeDefinition> definitions = store.reads()
                .sql("select id, name_en, name_ko, keywords from text_themes where workspace_id = ? order by position")
                .params(workspaceId)
                .query((rs, n) -> new ThemeDefinition(
                        rs.getString("id"),
                        rs.getString("name_en"),
                        rs.getString("name_ko"),
                        Arrays.stream(rs.getString("keywords").split(","))
                                .filter(k -> !k.isBlank())
                                .toList()))
                .list();
        Compiled fresh = new Compiled(version, definitions, ThemeTaxonomy.of(definitions));
        cache.put(workspaceId, fresh);
        return fresh;
    }

    private static Settings settings(WriteContext tx, UUID workspaceId) {
        Optional<Settings> row = tx.jdbc()
                .sql("select keep_original, taxonomy_version from text_settings where workspace_id = ?")
                .params(workspaceId)
                .query((rs, n) ->
                        new Settings(rs.getBoolean("keep_original"), effective(rs.getInt("taxonomy_version"))))
                .optional();
        return row.orElse(new Settings(true, ThemeTaxonomy.shippedVersion()));
    }

    private void save(WriteContext tx, UUID workspaceId, boolean keepOriginal, int version) {
        tx.jdbc()
                .sql("insert into text_settings (workspace_id, keep_original, taxonomy_version, updated_at) "
                        + "values (?, ?, ?, ?) on conflict (workspace_id) do update set "
                        + "keep_original = excluded.keep_original, taxonomy_version = excluded.taxonomy_version, "
                        + "updated_at = excluded.updated_at")
                .params(workspaceId, keepOriginal, version, Sql.ts(clock.instant()))
                .update();
    }
}
