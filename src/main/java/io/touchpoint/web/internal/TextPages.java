package io.touchpoint.web.internal;

import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Params;
import io.touchpoint.text.AnalysedComment;
import io.touchpoint.text.CommentPage;
import io.touchpoint.text.CommentQuery;
import io.touchpoint.text.KeyDrivers;
import io.touchpoint.text.Sentiment;
import io.touchpoint.text.TextAnalytics;
import io.touchpoint.text.ThemeDefinition;
import io.touchpoint.text.ThemeDriver;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.TouchpointUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Themes (key drivers, trend, top comments, taxonomy editor) and the comments explorer. */
@Controller
class TextPages {

    /** A piece of a comment's text, marked with the theme it matched or not. */
    record Part(String text, String theme) {}

    /** A comment with its text cut into highlighted and plain parts. */
    record CommentView(AnalysedComment comment, List<Part> parts) {}

    private final TextAnalytics text;

    TextPages(TextAnalytics text) {
        this.text = text;
    }

    @GetMapping("/themes")
    String themes(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        UUID workspaceId = me.workspaceId();
        String language = language();
        model.addAttribute("active", "themes");
        KeyDrivers drivers;
        try {
            drivers = text.drivers(workspaceId, Params.date(from, "from"), Params.date(to, "to"));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            drivers = text.drivers(workspaceId, null, null);
        }
        model.addAttribute("drivers", drivers);
        model.addAttribute("language", language);
        model.addAttribute("taxonomy", text.taxonomy(workspaceId));
        model.addAttribute("canEdit", me.role() != Role.AGENT);
        List<Map<String, Object>> impact = new ArrayList<>();
        for (ThemeDriver d : drivers.themes()) {
            if (d.impact() != null) {
                Map<String, Object> bar = new LinkedHashMap<>();
                bar.put("name", d.name(language));
                bar.put("impact", d.impact());
                bar.put("low", d.impactLow());
                bar.put("high", d.impactHigh());
                bar.put("n", d.npsResponses());
                impact.add(bar);
            }
        }
        model.addAttribute("impactJson", Json.write(impact));
        List<Map<String, Object>> trend = new ArrayList<>();
        for (ThemeDriver d : drivers.themes()) {
            if (d.volume() > 0) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("name", d.name(language));
                line.put(
                        "weeks",
                        d.trend().stream().map(w -> w.week().toString()).toList());
                line.put("share", d.trend().stream().map(w -> w.share()).toList());
                line.put("count", d.trend().stream().map(w -> w.count()).toList());
                trend.add(line);
            }
        }
        model.addAttribute("trendJson", Json.write(trend));
        return "themes";
    }

    @PostMapping("/themes/taxonomy")
    String saveTheme(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String nameEn,
            @RequestParam(required = false) String nameKo,
            @RequestParam(required = false) String keywords,
            RedirectAttributes redirect) {
        editor(me);
        String themeId = id == null || id.isBlank() ? newId() : id.strip();
        try {
            text.saveTheme(me.workspaceId(), new ThemeDefinition(themeId, nameEn, nameKo, keywords(keywords)));
            redirect.addFlashAttribute("saved", themeId);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("taxonomyProblems", e.problems());
        }
        return "redirect:/themes#taxonomy";
    }

    @PostMapping("/themes/taxonomy/{id}/delete")
    String deleteTheme(@AuthenticationPrincipal TouchpointUser me, @PathVariable String id) {
        editor(me);
        text.deleteTheme(me.workspaceId(), id);
        return "redirect:/themes#taxonomy";
    }

    @PostMapping("/themes/taxonomy/merge")
    String merge(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String into,
            @RequestParam(required = false) List<String> from,
            RedirectAttributes redirect) {
        editor(me);
        try {
            text.mergeThemes(me.workspaceId(), into, from == null ? List.of() : from);
            redirect.addFlashAttribute("saved", into);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("taxonomyProblems", e.problems());
        }
        return "redirect:/themes#taxonomy";
    }

    /** "Add to taxonomy" of a suggested phrase: as a keyword of a theme, or as a new theme named after it. */
    @PostMapping("/themes/suggestions")
    String adopt(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String phrase,
            @RequestParam(required = false) String theme,
            RedirectAttributes redirect) {
        editor(me);
        try {
            if (phrase == null || phrase.isBlank()) {
                throw new InvalidInputException("phrase", "must not be empty");
            }
            ThemeDefinition existing = text.taxonomy(me.workspaceId()).stream()
                    .filter(t -> t.id().equals(theme))
                    .findFirst()
                    .orElse(null);
            ThemeDefinition saved;
            if (existing == null) {
                saved = new ThemeDefinition(newId(), phrase, phrase, List.of(phrase));
            } else {
                List<String> words = new ArrayList<>(existing.keywords());
                words.add(phrase);
                saved = new ThemeDefinition(existing.id(), existing.nameEn(), existing.nameKo(), words);
            }
            text.saveTheme(me.workspaceId(), saved);
            redirect.addFlashAttribute("saved", saved.id());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("taxonomyProblems", e.problems());
        }
        return "redirect:/themes#taxonomy";
    }

    @GetMapping("/comments")
    String comments(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String sentiment,
            @RequestParam(required = false) String npsMin,
            @RequestParam(required = false) String npsMax,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") String page,
            Model model) {
        UUID workspaceId = me.workspaceId();
        model.addAttribute("active", "comments");
        model.addAttribute("taxonomy", text.taxonomy(workspaceId));
        model.addAttribute("language", language());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("theme", theme);
        filters.put("sentiment", sentiment);
        filters.put("npsMin", npsMin);
        filters.put("npsMax", npsMax);
        filters.put("language", language);
        filters.put("from", from);
        filters.put("to", to);
        model.addAttribute("filters", filters);
        CommentPage result;
        try {
            result = text.comments(
                    workspaceId,
                    new CommentQuery(
                            blank(q) ? null : q,
                            blank(theme) ? null : theme,
                            sentiment(sentiment),
                            Params.integer(npsMin, "npsMin"),
                            Params.integer(npsMax, "npsMax"),
                            blank(language) ? null : language,
                            Params.date(from, "from"),
                            Params.date(to, "to"),
                            Math.max(0, Params.integer(page, "page") == null ? 0 : Params.integer(page, "page")),
                            20));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            result = text.comments(workspaceId, CommentQuery.firstPage());
        }
        model.addAttribute("result", result);
        model.addAttribute(
                "comments",
                result.items().stream().map(c -> new CommentView(c, parts(c))).toList());
        model.addAttribute("themeNames", themeNames(text.taxonomy(workspaceId), language()));
        return "comments";
    }

    static List<Part> parts(AnalysedComment c) {
        List<Part> parts = new ArrayList<>();
        String t = c.redacted();
        int at = 0;
        for (AnalysedComment.Highlight h : c.highlights()) {
            if (h.start() < at || h.end() > t.length()) {
                continue;
            }
            if (h.start() > at) {
                parts.add(new Part(t.substring(at, h.start()), null));
            }
            parts.add(new Part(t.substring(h.start(), h.end()), h.theme()));
            at = h.end();
        }
        if (at < t.length()) {
            parts.add(new Part(t.substring(at), null));
        }
        return parts;
    }

    private static Map<String, String> themeNames(List<ThemeDefinition> taxonomy, String language) {
        Map<String, String> names = new LinkedHashMap<>();
        taxonomy.forEach(t -> names.put(t.id(), t.name(language)));
        return names;
    }

    private static void editor(TouchpointUser me) {
        if (me.role() == Role.AGENT) {
            throw new AccessDeniedException("Agents cannot edit the theme taxonomy");
        }
    }

    private static String newId() {
        return "theme_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> keywords(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[,\\n]"))
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
    }

    private static String language() {
        return LocaleContextHolder.getLocale().getLanguage().equals("ko") ? "ko" : "en";
    }

    private static Sentiment sentiment(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Sentiment.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sentiment", "must be positive, neutral or negative");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
