package io.touchpoint.feedback;

import io.touchpoint.feedback.internal.SurveyParser;
import io.touchpoint.feedback.internal.SurveyRepository;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The feedback module's face for survey definitions: create from JSON (also the import format),
 * edit (a live survey gets a new version; answers keep theirs), publish, pause, export.
 */
@Service
public class Surveys {

    private final Store store;
    private final SurveyRepository repository;
    private final Clock clock;

    Surveys(Store store, SurveyRepository repository, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.clock = clock;
    }

    public Survey create(UUID workspaceId, JsonNode json) {
        return create(workspaceId, SurveyParser.parse(json));
    }

    public Survey create(UUID workspaceId, SurveyDefinition definition) {
        UUID id = Ids.next();
        Instant now = clock.instant();
        store.write(tx -> {
            tx.jdbc()
                    .sql("insert into surveys (workspace_id, id, name, status, version, default_language, created_at, "
                            + "updated_at) values (?, ?, ?, ?, 1, ?, ?, ?)")
                    .params(
                            workspaceId,
                            id,
                            definition.name(),
                            SurveyStatus.DRAFT.key(),
                            definition.defaultLanguage(),
                            Sql.ts(now),
                            Sql.ts(now))
                    .update();
            SurveyRepository.insertVersion(tx, workspaceId, id, 1, definition, now);
            return null;
        });
        return get(workspaceId, id);
    }

    /**
     * Replaces the survey's questions. A draft is changed in place; a survey that is or was live
     * gets a new version, so answers already given keep the wording they answered.
     */
    public Survey update(UUID workspaceId, UUID id, JsonNode json) {
        SurveyDefinition definition = SurveyParser.parse(json);
        Survey current = get(workspaceId, id);
        Instant now = clock.instant();
        boolean inPlace = SurveyStatus.DRAFT.key().equals(current.status()) && current.responses() == 0;
        int version = inPlace ? current.version() : current.version() + 1;
        store.write(tx -> {
            if (inPlace) {
                tx.jdbc()
                        .sql("update survey_versions set definition = ? where survey_id = ? and version = ? "
                                + "and workspace_id = ?")
                        .params(Json.write(definition), id, version, workspaceId)
                        .update();
            } else {
                SurveyRepository.insertVersion(tx, workspaceId, id, version, definition, now);
            }
            tx.jdbc()
                    .sql("update surveys set name = ?, version = ?, default_language = ?, updated_at = ? "
                            + "where workspace_id = ? and id = ?")
                    .params(definition.name(), version, definition.defaultLanguage(), Sql.ts(now), workspaceId, id)
                    .update();
            return null;
        });
        return get(workspaceId, id);
    }

    public Survey publish(UUID workspaceId, UUID id) {
        return setStatus(workspaceId, id, SurveyStatus.LIVE);
    }

    public Survey pause(UUID workspaceId, UUID id) {
        return setStatus(workspaceId, id, SurveyStatus.PAUSED);
    }

    private Survey setStatus(UUID workspaceId, UUID id, SurveyStatus status) {
        get(workspaceId, id);
        store.write(tx -> tx.jdbc()
                .sql("update surveys set status = ?, updated_at = ? where workspace_id = ? and id = ?")
                .params(status.key(), Sql.ts(clock.instant()), workspaceId, id)
                .update());
        return get(workspaceId, id);
    }

    public Survey get(UUID workspaceId, UUID id) {
        return repository.find(workspaceId, id).orElseThrow(() -> new NotFoundException("No survey " + id));
    }

    /** The survey as it was at a version (the one a response answered). */
    public SurveyDefinition version(UUID workspaceId, UUID id, int version) {
        return repository
                .version(workspaceId, id, version)
                .orElseThrow(() -> new NotFoundException("No version " + version + " of survey " + id));
    }

    public List<Survey> list(UUID workspaceId) {
        return repository.list(workspaceId);
    }
}
