package io.touchpoint.web.internal;

import io.touchpoint.workspace.TouchpointUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Sign-in, the overview, and the sections whose modules are not built yet. */
@Controller
class PagesController {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal Object principal) {
        return principal instanceof TouchpointUser ? "redirect:/" : "login";
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("active", "overview");
        return "overview";
    }

    /** Sections planned in the architecture whose modules have not landed: said plainly, no fake data. */
    @GetMapping("/{section:surveys|metrics|cases}")
    String upcoming(@PathVariable String section, Model model) {
        model.addAttribute("active", section);
        model.addAttribute("section", section);
        return "upcoming";
    }
}
