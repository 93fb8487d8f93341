package io.touchpoint.workspace;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The workspace of the current request's caller, whether an API key or a signed-in user. */
public final class CurrentWorkspace {

    private CurrentWorkspace() {}

    /** @throws IllegalStateException when the request is not authenticated */
    public static UUID id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof ApiCaller caller) {
            return caller.workspaceId();
        }
        if (principal instanceof TouchpointUser user) {
            return user.workspaceId();
        }
        throw new IllegalStateException("No authenticated caller");
    }
}
