package io.touchpoint.text.internal;

import io.touchpoint.feedback.ResponseFilter;
import io.touchpoint.feedback.Responses;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.text.AnalysedComment;
import io.touchpoint.text.CommentPage;
import io.touchpoint.text.CommentQuery;
import io.touchpoint.text.EmergingTheme;
import io.touchpoint.text.KeyDrivers;
import io.touchpoint.text.LabelledText;
import io.touchpoint.text.ThemeDefinition;
import io.touchpoint.text.ThemeDriver;
import io.touchpoint.text.ThemeStats;
import io.touchpoint.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads over analysed comments (themes with stats, key drivers, the explorer) and taxonomy edits. */
@Component
public class TextInsights {

    /** A period may span at most this many days. */
    public static final int MAX_DAYS = 400;

    /** The default period: the last 90 days. */
    public static final int DEFAULT_DAYS = 90;

    private final CommentRepository comments;
    private final TextStore texts;
    private final Responses responses;
    private final Workspaces workspaces;
    private final Clock clock;

    TextInsights(CommentRepository comments, TextStore texts, Responses responses, Workspaces workspaces, Clock clock) {
        this.comments = comments;
        this.texts = texts;
        this.responses = responses;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    public List<ThemeDefinition> taxonomy(UUID workspaceId) {
        return texts.definitions(workspaceId);
    }

    public List<ThemeDefinition> replaceTaxonomy(UUID workspaceId, List<ThemeDefinition> themes) {
        List<ThemeDefinition> clean = TaxonomyRules.check(themes);
        texts.replace(workspaceId, clean);
        return taxonomy(workspaceId);
    }

    /** Adds a theme or replaces the one with the same id. */
    public ThemeDefinition saveTheme(UUID workspaceId, ThemeDefinition theme) {
        List<ThemeDefinition> all = new ArrayList<>(taxonomy(workspaceId));
        int at = indexOf(all, theme.id());
        if (at >= 0) {
            all.set(at, theme);
        } else {
            all.add(theme);
        }
        List<ThemeDefinition> clean = TaxonomyRules.check(all);
        texts.replace(workspaceId, clean);
        return clean.get(at >= 0 ? at : clean.size() - 1);
    }

    public void deleteTheme(UUID workspaceId, String id) {
        List<ThemeDefinition> all = new ArrayList<>(taxonomy(workspaceId));
        int at = indexOf(all, id);
        if (at < 0) {
            throw new NotFoundException("No theme " + id);
        }
        all.remove(at);
        texts.replace(workspaceId, all);
    }

    /** Moves the keywords of the {@code from} themes into {@code into} and removes them. */
    public ThemeDefinition merge(UUID workspaceId, String into, List<String> from) {
        if (into == null || into.isBlank()) {
            throw new InvalidInputException("into", "is required: the id of the theme that stays");
        }
        if (from == null || from.isEmpty()) {
            throw new InvalidInputException("from", "must name at least one theme to merge into " + into);
        }
        List<ThemeDefinition> all = new ArrayList<>(taxonomy(workspaceId));
        int target = indexOf(all, into);
        if (target < 0) {
            throw new InvalidInputException("into", "no such theme: " + into);
        }
        Set<String> keywords = new LinkedHashSet<>(all.get(target).keywords());
        for (int i = 0; i < from.size(); i++) {
            String id = from.get(i);
            int at = indexOf(all, id);
            if (at < 0 || id.equals(into)) {
                throw new InvalidInputException(
                        "from[" + i + "]", at < 0 ? "no such theme: " + id : "is the theme merged into");
            }
            keywords.addAll(all.get(at).keywords());
        }
        ThemeDefinition old = all.get(target);
        ThemeDefinition merged = new ThemeDefinition(old.id(), old.nameEn(), old.nameKo(), List.copyOf(keywords));
        List<ThemeDefinition> result = new ArrayList<>();
        for (ThemeDefinition theme : all) {
            if (theme.id().equals(into)) {
                result.add(merged);
            } else if (!from.contains(theme.id())) {
                result.add(theme);
            }
        }
        texts.replace(workspaceId, TaxonomyRules.check(result));
        return merged;
    }

    public List<ThemeStats> themes(UUID workspaceId, LocalDate from, LocalDate to) {
        DriverAnalysis.Period period = period(workspaceId, from, to);
        return DriverAnalysis.stats(comments.between(workspaceId, period.start(), period.end()), taxonomy(workspaceId));
    }

    public KeyDrivers drivers(UUID workspaceId, LocalDate from, LocalDate to) {
        DriverAnalysis.Period period = period(workspaceId, from, to);
        Instant history = period.end().minus(DriverAnalysis.LATEST).minus(DriverAnalysis.BASELINE);
        Instant rowsFrom = history.isBefore(period.start()) ? history : period.start();
        var rows = comments.between(workspaceId, rowsFrom, period.end());
        int version = texts.settings(workspaceId).taxonomyVersion();
        return DriverAnalysis.drivers(
                rows,
                npsTally(workspaceId, period.start(), period.end()),
                taxonomy(workspaceId),
                texts.taxonomy(workspaceId, version),
                period);
    }

    public List<EmergingTheme> emerging(UUID workspaceId, Instant asOf) {
        Instant from = asOf.minus(DriverAnalysis.LATEST).minus(DriverAnalysis.BASELINE);
        var rows = comments.between(workspaceId, from, asOf);
        List<EmergingTheme> result = new ArrayList<>();
        for (ThemeDefinition theme : taxonomy(workspaceId)) {
            ThemeDriver.Emergence e = DriverAnalysis.emergence(rows, theme.id(), asOf);
            if (e.emerging()) {
                result.add(new EmergingTheme(
                        theme.id(),
                        theme.nameEn(),
                        theme.nameKo(),
                        e.latestCount(),
                        e.latestComments(),
                        e.latestShare(),
                        e.baselineShare(),
                        e.z()));
            }
        }
        result.sort((a, b) -> Double.compare(b.z(), a.z()));
        return result;
    }

    public CommentPage comments(UUID workspaceId, CommentQuery query) {
        List<FieldProblem> problems = new ArrayList<>();
        if (query.size() < 1 || query.size() > 100) {
            problems.add(new FieldProblem("size", "must be 1 to 100"));
        }
        if (query.page() < 0 || query.page() > 100_000) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (query.npsMin() != null && (query.npsMin() < 0 || query.npsMin() > 10)) {
            problems.add(new FieldProblem("npsMin", "must be 0 to 10"));
        }
        if (query.npsMax() != null && (query.npsMax() < 0 || query.npsMax() > 10)) {
            problems.add(new FieldProblem("npsMax", "must be 0 to 10"));
        }
        if (query.search() != null && query.search().length() > 200) {
            problems.add(new FieldProblem("q", "must be at most 200 characters"));
        }
        if (query.language() != null && !query.language().matches("ko|en|other")) {
            problems.add(new FieldProblem("language", "must be ko, en or other"));
        }
        List<ThemeDefinition> taxonomy = taxonomy(workspaceId);
        if (query.theme() != null && indexOf(taxonomy, query.theme()) < 0) {
            problems.add(new FieldProblem("theme", "no such theme: " + query.theme()));
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            problems.add(new FieldProblem("from", "must not be after to"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The comment search is not valid", problems);
        }
        ZoneId zone = workspaces.get(workspaceId).timeZone();
        String search = query.search() == null || query.search().isBlank()
                ? null
                : TextPipeline.clean(query.search().strip());
        var filter = new CommentRepository.Filter(
                search,
                query.theme(),
                query.sentiment(),
                query.npsMin(),
                query.npsMax(),
                query.language(),
                query.from() == null ? null : query.from().atStartOfDay(zone).toInstant(),
                query.to() == null
                        ? null
                        : query.to().plusDays(1).atStartOfDay(zone).toInstant());
        long total = comments.count(workspaceId, filter);
        ThemeTaxonomy compiled =
                texts.taxonomy(workspaceId, texts.settings(workspaceId).taxonomyVersion());
        List<AnalysedComment> items =
                comments.search(workspaceId, filter, query.size(), query.page() * query.size()).stream()
                        .map(r -> new AnalysedComment(
                                r.id(),
                                r.responseId(),
                                r.questionId(),
                                r.surveyId(),
                                r.respondedAt(),
                                r.nps(),
                                r.language(),
                                r.redacted(),
                                r.sentiment(),
                                r.score(),
                                r.themes(),
                                r.keyphrases(),
                                r.clauses(),
                                compiled.highlights(r.redacted(), r.themes())))
                        .toList();
        return new CommentPage(items, total, query.page(), query.size());
    }

    /**
     * The workspace's analysed comments labelled by their response's NPS answer (the original text
     * where kept, else the redacted one), to train its own sentiment model.
     */
    public List<LabelledText> labelledComments(UUID workspaceId) {
        return comments.labelled(workspaceId).stream()
                .map(l -> LabelledText.fromNps(l.text(), l.nps()))
                .toList();
    }

    /** Stored comments are analysed again (after a new sentiment model), in the background. */
    public void reanalyseAll(UUID workspaceId) {
        texts.bump(workspaceId);
    }

    private DriverAnalysis.Period period(UUID workspaceId, LocalDate from, LocalDate to) {
        ZoneId zone = workspaces.get(workspaceId).timeZone();
        LocalDate end = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInputException("from", "the period must span at most " + MAX_DAYS + " days");
        }
        return new DriverAnalysis.Period(
                start,
                end,
                start.atStartOfDay(zone).toInstant(),
                end.plusDays(1).atStartOfDay(zone).toInstant(),
                zone);
    }

    private DriverMaths.Tally npsTally(UUID workspaceId, Instant from, Instant to) {
        long promoters = count(workspaceId, "promoter", from, to);
        long passives = count(workspaceId, "passive", from, to);
        long detractors = count(workspaceId, "detractor", from, to);
        return new DriverMaths.Tally(promoters + passives + detractors, promoters, detractors);
    }

    private long count(UUID workspaceId, String outcome, Instant from, Instant to) {
        return responses.count(workspaceId, new ResponseFilter(null, null, null, outcome, "complete", from, to));
    }

    private static int indexOf(List<ThemeDefinition> themes, String id) {
        for (int i = 0; i < themes.size(); i++) {
            if (themes.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
