package io.touchpoint.web.internal;

import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.TouchpointUser;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every signed-in page's layout shows: who is signed in, in which workspace. */
@ControllerAdvice(annotations = Controller.class)
class UiModel {

    private final Workspaces workspaces;

    UiModel(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @ModelAttribute("me")
    TouchpointUser me(@AuthenticationPrincipal Object principal) {
        return principal instanceof TouchpointUser user ? user : null;
    }

    @ModelAttribute("workspace")
    Workspace workspace(@AuthenticationPrincipal Object principal) {
        return principal instanceof TouchpointUser user ? workspaces.get(user.workspaceId()) : null;
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin(@AuthenticationPrincipal Object principal) {
        return principal instanceof TouchpointUser user && user.role() == Role.ADMIN;
    }
}
