package io.touchpoint.text.internal;

import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps workspaces' own sentiment models in {@code text_models} (the gzipped model text, base64),
 * so that a restart, or another node, uses the same model: written after training, read at start.
 */
@Component
public class ModelStore {

    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);

    private final Store store;
    private final WorkspaceModels models;
    private final Clock clock;

    ModelStore(Store store, WorkspaceModels models, Clock clock) {
        this.store = store;
        this.models = models;
        this.clock = clock;
    }

    /** Stores the models the workspace's last training produced, replacing earlier ones per language. */
    public void saveTrained(UUID workspaceId) {
        List<WorkspaceModels.Trained> trained = models.lastTrained(workspaceId);
        if (trained.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Object[]> rows = trained.stream()
                .map(t -> new Object[] {
                    workspaceId, t.language(), encode(t.model()), t.examples(), t.accuracy(), Sql.ts(now)
                })
                .toList();
        store.write(tx -> {
            tx.bulk()
                    .upsert(
                            "text_models",
                            List.of("workspace_id", "language", "model", "examples", "accuracy", "trained_at"),
                            List.of("workspace_id", "language"),
                            "model = excluded.model, examples = excluded.examples, accuracy = excluded.accuracy, "
                                    + "trained_at = excluded.trained_at",
                            rows);
            return null;
        });
    }

    /** Reads every stored model and puts it in use. */
    @EventListener(ApplicationReadyEvent.class)
    public void loadAll() {
        Map<UUID, Map<String, LinearModel>> byWorkspace = new LinkedHashMap<>();
        Map<UUID, Instant> trainedAt = new LinkedHashMap<>();
        store.reads()
                .sql("select workspace_id, language, model, trained_at from text_models order by workspace_id")
                .query(rs -> {
                    UUID workspaceId = Sql.uuid(rs, "workspace_id");
                    try {
                        byWorkspace
                                .computeIfAbsent(workspaceId, w -> new LinkedHashMap<>())
                                .put(rs.getString("language"), decode(rs.getString("model")));
                        Instant at = Sql.instant(rs, "trained_at");
                        trainedAt.merge(workspaceId, at, (a, b) -> a.isAfter(b) ? a : b);
                    } catch (RuntimeException e) {
                        log.warn(
                                "A stored sentiment model of workspace {} could not be read; the base model is used",
                                workspaceId,
                                e);
                    }
                });
        byWorkspace.forEach((workspaceId, stored) -> models.install(workspaceId, stored, trainedAt.get(workspaceId)));
        if (!byWorkspace.isEmpty()) {
            log.info("Workspace sentiment models read for {} workspaces", byWorkspace.size());
        }
    }

    static String encode(LinearModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static LinearModel decode(String text) {
        return LinearModel.read(new ByteArrayInputStream(Base64.getDecoder().decode(text)));
    }
}
