package io.touchpoint.text.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Params;
import io.touchpoint.text.CommentPage;
import io.touchpoint.text.CommentQuery;
import io.touchpoint.text.EmergingTheme;
import io.touchpoint.text.KeyDrivers;
import io.touchpoint.text.Sentiment;
import io.touchpoint.text.TextAnalytics;
import io.touchpoint.text.ThemeDefinition;
import io.touchpoint.text.ThemeStats;
import io.touchpoint.text.TrainingResult;
import io.touchpoint.workspace.CurrentWorkspace;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Themes, the taxonomy, key drivers and the analysed survey comments of the caller's workspace. */
@RestController
@RequestMapping("/api/v1/text")
@Tag(name = "Text analytics")
class TextInsightsApi {

    /** {@code {"themes":[{"id","nameEn","nameKo","keywords":[…]}…]}}. */
    record Taxonomy(List<ThemeDefinition> themes) {}

    /** {@code {"into":"delivery","from":["shipping"]}}. */
    record Merge(String into, List<String> from) {}

    record Themes(LocalDate from, LocalDate to, List<ThemeStats> themes) {}

    record Emerging(Instant asOf, List<EmergingTheme> themes) {}

    record Settings(Boolean keepOriginalComments) {}

    private final TextAnalytics text;

    TextInsightsApi(TextAnalytics text) {
        this.text = text;
    }

    @GetMapping("/themes")
    @Operation(summary = "The workspace's themes with their volume and sentiment in a period (default: last 90 days)")
    Themes themes(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate f = Params.date(from, "from");
        LocalDate t = Params.date(to, "to");
        List<ThemeStats> themes = text.themes(CurrentWorkspace.id(), f, t);
        return new Themes(f, t, themes);
    }

    @GetMapping("/drivers")
    @Operation(
            summary = "Key drivers of NPS: per theme volume, sentiment, impact on NPS with a 95% interval, "
                    + "weekly share, emergence; plus phrases that tell detractors from promoters")
    KeyDrivers drivers(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return text.drivers(CurrentWorkspace.id(), Params.date(from, "from"), Params.date(to, "to"));
    }

    @GetMapping("/themes/emerging")
    @Operation(summary = "Themes whose share in the 7 days before asOf rose significantly against the 4 weeks before")
    Emerging emerging(@RequestParam(required = false) String asOf) {
        Instant at;
        try {
            at = asOf == null || asOf.isBlank() ? Instant.now() : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "must be an instant such as 2026-11-23T00:00:00Z");
        }
        return new Emerging(at, text.emergingThemes(CurrentWorkspace.id(), at));
    }

    @GetMapping("/taxonomy")
    Taxonomy taxonomy() {
        return new Taxonomy(text.taxonomy(CurrentWorkspace.id()));
    }

    @PutMapping("/taxonomy")
    @Operation(summary = "Replace the taxonomy; stored comments are analysed again in the background")
    Taxonomy replace(@RequestBody(required = false) Taxonomy body) {
        if (body == null) {
            throw new InvalidInputException("themes", "is required: a body {\"themes\":[…]}");
        }
        return new Taxonomy(text.replaceTaxonomy(CurrentWorkspace.id(), body.themes()));
    }

    @PutMapping("/taxonomy/themes/{id}")
    @Operation(summary = "Add a theme or rename it and replace its keywords")
    ThemeDefinition saveTheme(@PathVariable String id, @RequestBody(required = false) ThemeDefinition body) {
        if (body == null) {
            throw new InvalidInputException("theme", "is required: a body {\"nameEn\",\"nameKo\",\"keywords\":[…]}");
        }
        return text.saveTheme(
                CurrentWorkspace.id(), new ThemeDefinition(id, body.nameEn(), body.nameKo(), body.keywords()));
    }

    @DeleteMapping("/taxonomy/themes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTheme(@PathVariable String id) {
        text.deleteTheme(CurrentWorkspace.id(), id);
    }

    @PostMapping("/taxonomy/merge")
    @Operation(summary = "Merge themes: into keeps its names and gains the keywords of the from themes, which go")
    ThemeDefinition merge(@RequestBody(required = false) Merge body) {
        if (body == null) {
            throw new InvalidInputException("into", "is required: a body {\"into\":\"…\",\"from\":[\"…\"]}");
        }
        return text.mergeThemes(CurrentWorkspace.id(), body.into(), body.from());
    }

    @GetMapping("/comments")
    @Operation(summary = "Analysed survey comments (redacted), newest first, with filters and theme highlights")
    CommentPage comments(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String sentiment,
            @RequestParam(required = false) Integer npsMin,
            @RequestParam(required = false) Integer npsMax,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return text.comments(
                CurrentWorkspace.id(),
                new CommentQuery(
                        blank(q) ? null : q,
                        blank(theme) ? null : theme,
                        sentiment(sentiment),
                        npsMin,
                        npsMax,
                        blank(language) ? null : language,
                        Params.date(from, "from"),
                        Params.date(to, "to"),
                        page,
                        size));
    }

    @PostMapping("/models/train")
    @Operation(
            summary = "Train the workspace's own sentiment model from its comments labelled by NPS answers",
            description = "Per language with at least 50 detractor and 50 promoter comments; the model is stored, "
                    + "used from then on, and stored comments are analysed again with it.")
    TrainingResult train() {
        return text.trainFromComments(CurrentWorkspace.id());
    }

    @GetMapping("/settings")
    Settings settings() {
        return new Settings(text.keepsOriginalComments(CurrentWorkspace.id()));
    }

    @PutMapping("/settings")
    Settings saveSettings(@RequestBody(required = false) Settings body) {
        if (body == null || body.keepOriginalComments() == null) {
            throw new InvalidInputException("keepOriginalComments", "is required: true or false");
        }
        text.keepOriginalComments(CurrentWorkspace.id(), body.keepOriginalComments());
        return settings();
    }

    static Sentiment sentiment(String value) {
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
