package io.touchpoint.web.internal;

import io.touchpoint.events.CsvImports;
import io.touchpoint.events.ImportJob;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.TouchpointUser;
import java.io.IOException;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Customers › Import: upload a CSV file and watch it being stored, with the rows that were refused. */
@Controller
class ImportPages {

    private final CsvImports imports;

    ImportPages(CsvImports imports) {
        this.imports = imports;
    }

    @GetMapping("/customers/import")
    String form(@AuthenticationPrincipal TouchpointUser me, Model model) {
        model.addAttribute("active", "customers");
        model.addAttribute("recent", imports.recent(me.workspaceId()));
        return "import";
    }

    @PostMapping("/customers/import")
    String upload(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam String kind,
            @RequestParam("file") MultipartFile file,
            Model model)
            throws IOException {
        if (me.role() == Role.AGENT) {
            throw new AccessDeniedException("Agents cannot import data");
        }
        try {
            if (file.isEmpty()) {
                throw new InvalidInputException("file", "choose a CSV file first");
            }
            ImportJob job = imports.start(me.workspaceId(), kind, file.getOriginalFilename(), file.getInputStream());
            return "redirect:/customers/import/" + job.id();
        } catch (InvalidInputException e) {
            model.addAttribute("active", "customers");
            model.addAttribute("uploadErrors", e.problems());
            model.addAttribute("recent", imports.recent(me.workspaceId()));
            return "import";
        }
    }

    @GetMapping("/customers/import/{id}")
    String job(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("active", "customers");
        model.addAttribute("job", imports.get(me.workspaceId(), id));
        return "import-job";
    }

    /** The progress panel alone, polled by htmx while the job runs. */
    @GetMapping("/customers/import/{id}/progress")
    String progress(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.get(me.workspaceId(), id));
        return "import-job :: progress";
    }
}
