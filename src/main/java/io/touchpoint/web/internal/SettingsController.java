package io.touchpoint.web.internal;

import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.workspace.ApiKeyKind;
import io.touchpoint.workspace.CreatedApiKey;
import io.touchpoint.workspace.NewUser;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.TouchpointUser;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings (admins only): the workspace, its users and its API keys. */
@Controller
class SettingsController {

    private final Workspaces workspaces;

    SettingsController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal TouchpointUser me, Model model) {
        fill(me, model);
        return "settings";
    }

    @PostMapping("/settings/workspace")
    String updateWorkspace(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam String name,
            @RequestParam String timeZone,
            @RequestParam String defaultLanguage,
            Model model,
            RedirectAttributes redirect) {
        try {
            workspaces.updateSettings(me.workspaceId(), name, timeZone, defaultLanguage);
        } catch (InvalidInputException e) {
            model.addAttribute("workspaceErrors", e.problems());
            fill(me, model);
            return "settings";
        }
        redirect.addFlashAttribute("notice", "settings.saved");
        return "redirect:/settings";
    }

    @PostMapping("/settings/users")
    String addUser(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam String email,
            @RequestParam(required = false) String displayName,
            @RequestParam String password,
            @RequestParam String role,
            Model model,
            RedirectAttributes redirect) {
        try {
            Role parsed = Role.valueOf(role);
            workspaces.addUser(me.workspaceId(), new NewUser(email, displayName, password, parsed));
        } catch (IllegalArgumentException | InvalidInputException e) {
            model.addAttribute(
                    "userErrors",
                    e instanceof InvalidInputException invalid
                            ? invalid.problems()
                            : java.util.List.of(
                                    new io.touchpoint.platform.FieldProblem("role", "is not a known role")));
            model.addAttribute("newUserEmail", email);
            fill(me, model);
            return "settings";
        }
        redirect.addFlashAttribute("notice", "settings.userAdded");
        return "redirect:/settings#users";
    }

    @PostMapping("/settings/api-keys")
    String createKey(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam String kind,
            @RequestParam(required = false) String name,
            RedirectAttributes redirect) {
        ApiKeyKind parsed = "WRITE".equals(kind) ? ApiKeyKind.WRITE : ApiKeyKind.SECRET;
        CreatedApiKey created = workspaces.createApiKey(me.workspaceId(), parsed, name, me.email());
        redirect.addFlashAttribute("createdKey", created);
        return "redirect:/settings#api-keys";
    }

    @PostMapping("/settings/api-keys/{id}/revoke")
    String revokeKey(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            workspaces.revokeApiKey(me.workspaceId(), id);
            redirect.addFlashAttribute("notice", "settings.keyRevoked");
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("notice", "settings.keyNotFound");
        }
        return "redirect:/settings#api-keys";
    }

    private void fill(TouchpointUser me, Model model) {
        Workspace workspace = workspaces.get(me.workspaceId());
        model.addAttribute("active", "settings");
        model.addAttribute("settingsWorkspace", workspace);
        model.addAttribute("users", workspaces.users(me.workspaceId()));
        model.addAttribute("apiKeys", workspaces.apiKeys(me.workspaceId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "zones",
                java.time.ZoneId.getAvailableZoneIds().stream().sorted().toList());
    }
}
