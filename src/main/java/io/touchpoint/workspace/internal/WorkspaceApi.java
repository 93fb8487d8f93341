package io.touchpoint.workspace.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.workspace.CurrentWorkspace;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's workspace, for integrations that need its time zone or language. */
@RestController
@RequestMapping("/api/v1/workspace")
@Tag(name = "Workspace")
class WorkspaceApi {

    private final Workspaces workspaces;

    WorkspaceApi(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping
    @Operation(summary = "The workspace of the secret key used")
    Map<String, Object> current() {
        Workspace workspace = workspaces.get(CurrentWorkspace.id());
        return Map.of(
                "id", workspace.id(),
                "name", workspace.name(),
                "timeZone", workspace.timeZone().getId(),
                "defaultLanguage", workspace.defaultLanguage());
    }
}
