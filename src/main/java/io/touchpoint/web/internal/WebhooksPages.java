package io.touchpoint.web.internal;

import io.touchpoint.loop.CreatedWebhook;
import io.touchpoint.loop.WebhookRequest;
import io.touchpoint.loop.WebhookSubscription;
import io.touchpoint.loop.Webhooks;
import io.touchpoint.platform.ConflictException;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.workspace.TouchpointUser;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings › Webhooks (admins only): endpoints, their secrets, delivery log and replays. */
@Controller
class WebhooksPages {

    private final Webhooks webhooks;

    WebhooksPages(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/settings/webhooks")
    String list(@AuthenticationPrincipal TouchpointUser me, Model model) {
        fill(me, model);
        return "webhooks";
    }

    @PostMapping("/settings/webhooks")
    String create(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> eventTypes,
            @RequestParam(required = false) String description,
            Model model,
            RedirectAttributes redirect) {
        List<String> types = eventTypes == null || eventTypes.isEmpty() ? null : eventTypes;
        try {
            CreatedWebhook created =
                    webhooks.create(me.workspaceId(), new WebhookRequest(url, types, description, true));
            redirect.addFlashAttribute("createdSecret", created.secret());
            redirect.addFlashAttribute("notice", "webhooks.created");
            return "redirect:/settings/webhooks/" + created.subscription().id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("newUrl", url);
            model.addAttribute("newDescription", description);
            fill(me, model);
            return "webhooks";
        }
    }

    @GetMapping("/settings/webhooks/{id}")
    String show(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, Model model) {
        WebhookSubscription subscription = webhooks.get(me.workspaceId(), id);
        model.addAttribute("active", "settings");
        model.addAttribute("subscription", subscription);
        model.addAttribute("deliveries", webhooks.deliveriesWithLog(me.workspaceId(), id, 100));
        return "webhook";
    }

    @PostMapping("/settings/webhooks/{id}/enabled")
    String enable(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        webhooks.update(me.workspaceId(), id, new WebhookRequest(null, null, null, enabled));
        redirect.addFlashAttribute("notice", "webhooks.updated");
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/rotate")
    String rotate(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "rotatedSecret", webhooks.rotateSecret(me.workspaceId(), id).secret());
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/test")
    String test(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            webhooks.sendTest(me.workspaceId(), id);
            redirect.addFlashAttribute("notice", "webhooks.testQueued");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "webhooks.disabledConflict");
        }
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            webhooks.delete(me.workspaceId(), id);
        } catch (NotFoundException e) {
            // already gone: the list shows the truth
        }
        redirect.addFlashAttribute("notice", "webhooks.deleted");
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/settings/webhooks/{id}/deliveries/{deliveryId}/replay")
    String replay(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @PathVariable UUID deliveryId,
            RedirectAttributes redirect) {
        try {
            webhooks.replay(me.workspaceId(), id, deliveryId);
            redirect.addFlashAttribute("notice", "webhooks.replayed");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "webhooks.disabledConflict");
        }
        return "redirect:/settings/webhooks/" + id;
    }

    private void fill(TouchpointUser me, Model model) {
        List<WebhookSubscription> all = webhooks.list(me.workspaceId());
        model.addAttribute("active", "settings");
        model.addAttribute("subscriptions", all);
        model.addAttribute(
                "autoDisabled",
                all.stream().filter(WebhookSubscription::autoDisabled).toList());
        model.addAttribute("eventTypes", Webhooks.EVENT_TYPES);
    }
}
