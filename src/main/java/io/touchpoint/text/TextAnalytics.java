package io.touchpoint.text;

import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.text.internal.ModelStore;
import io.touchpoint.text.internal.TextInsights;
import io.touchpoint.text.internal.TextPipeline;
import io.touchpoint.text.internal.TextStore;
import io.touchpoint.text.internal.WorkspaceModels;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Analyses comments (language, redaction, sentiment per comment and clause, keyphrases, themes)
 * with the workspace's current sentiment model and taxonomy; keeps the workspace's theme taxonomy;
 * reads what its analysed survey comments say (themes, key drivers, emerging themes, the comment
 * explorer); and trains a workspace's own model from comments labelled by their authors' scores.
 * Survey comments are analysed in the background as responses arrive.
 */
@Service
public class TextAnalytics {

    /** At most this many texts per call. */
    public static final int MAX_TEXTS = 1000;

    /** At most this many characters (UTF-16 code units) per text. */
    public static final int MAX_LENGTH = 10_000;

    private final TextPipeline pipeline;
    private final WorkspaceModels models;
    private final TextStore texts;
    private final TextInsights insights;
    private final ModelStore modelStore;

    TextAnalytics(
            TextPipeline pipeline,
            WorkspaceModels models,
            TextStore texts,
            TextInsights insights,
            ModelStore modelStore) {
        this.modelStore = modelStore;
        this.pipeline = pipeline;
        this.models = models;
        this.texts = texts;
        this.insights = insights;
    }

    /**
     * One analysis per text, in the same order.
     *
     * @throws InvalidInputException when there are no texts, too many, or a text is missing or too long
     */
    public List<TextAnalysis> analyze(UUID workspaceId, List<String> texts) {
        check(texts);
        var own = models.of(workspaceId);
        var taxonomy = this.texts.compiled(workspaceId);
        return texts.stream().map(text -> pipeline.analyze(text, own, taxonomy)).toList();
    }

    /** The workspace's theme taxonomy: the shipped default until an analyst edits it. */
    public List<ThemeDefinition> taxonomy(UUID workspaceId) {
        return insights.taxonomy(workspaceId);
    }

    /**
     * Replaces the workspace's taxonomy; stored comments are analysed again in the background.
     *
     * @throws InvalidInputException naming each failing theme field
     */
    public List<ThemeDefinition> replaceTaxonomy(UUID workspaceId, List<ThemeDefinition> themes) {
        return insights.replaceTaxonomy(workspaceId, themes);
    }

    /** Adds a theme, or renames it and replaces its keywords when the id exists. */
    public ThemeDefinition saveTheme(UUID workspaceId, ThemeDefinition theme) {
        return insights.saveTheme(workspaceId, theme);
    }

    /** @throws io.touchpoint.platform.NotFoundException when the workspace has no such theme */
    public void deleteTheme(UUID workspaceId, String themeId) {
        insights.deleteTheme(workspaceId, themeId);
    }

    /** Merges themes: {@code into} keeps its names and gains the keywords of the {@code from} themes, which go. */
    public ThemeDefinition mergeThemes(UUID workspaceId, String into, List<String> from) {
        return insights.merge(workspaceId, into, from);
    }

    /** Each theme with its volume and sentiment in a period (days in the workspace's zone; default the last 90). */
    public List<ThemeStats> themes(UUID workspaceId, LocalDate from, LocalDate to) {
        return insights.themes(workspaceId, from, to);
    }

    /** Key drivers of NPS in a period: impact of each theme with its interval, trend, emergence, suggestions. */
    public KeyDrivers drivers(UUID workspaceId, LocalDate from, LocalDate to) {
        return insights.drivers(workspaceId, from, to);
    }

    /**
     * Themes whose share of the workspace's comments in the seven days before {@code asOf} rose
     * significantly against the four weeks before (two-proportion z-test, z ≥ 1.96, at least five
     * mentions), strongest rise first; empty when none did. For an alert rule "theme X rises": call
     * it on a schedule and alert on themes not alerted before.
     */
    public List<EmergingTheme> emergingThemes(UUID workspaceId, Instant asOf) {
        return insights.emerging(workspaceId, asOf);
    }

    /** A page of the workspace's analysed comments (redacted), newest first, with theme highlights. */
    public CommentPage comments(UUID workspaceId, CommentQuery query) {
        return insights.comments(workspaceId, query);
    }

    /** Whether analysed comments keep their original text beside the redacted one (default yes). */
    public boolean keepsOriginalComments(UUID workspaceId) {
        return texts.settings(workspaceId).keepOriginal();
    }

    /** Turning it off also clears the originals already stored with analysed comments. */
    public void keepOriginalComments(UUID workspaceId, boolean keep) {
        texts.keepOriginal(workspaceId, keep);
    }

    /**
     * Trains the workspace's own sentiment model for each language with enough positive and negative
     * examples; from then on it replaces the shipped model for that language in this workspace.
     * Neutral examples are not used by the binary model. Trained models are stored, so a restart keeps them.
     */
    public TrainingResult train(UUID workspaceId, List<LabelledText> examples) {
        if (examples == null || examples.isEmpty()) {
            throw new InvalidInputException("examples", "must not be empty");
        }
        TrainingResult result = models.train(workspaceId, examples);
        modelStore.saveTrained(workspaceId);
        return result;
    }

    /**
     * Trains the workspace's own sentiment model from its analysed survey comments, each labelled by
     * its response's NPS answer (0–6 negative, 9–10 positive), stores it, and analyses the stored
     * comments again with it. A language without 50 examples of each side keeps the shipped model.
     */
    public TrainingResult trainFromComments(UUID workspaceId) {
        List<LabelledText> examples = insights.labelledComments(workspaceId);
        if (examples.isEmpty()) {
            throw new InvalidInputException("comments", "the workspace has no comments with an NPS answer yet");
        }
        TrainingResult result = train(workspaceId, examples);
        if (result.languages().stream().anyMatch(TrainingResult.LanguageModel::trained)) {
            insights.reanalyseAll(workspaceId);
        }
        return result;
    }

    private static void check(List<String> texts) {
        if (texts == null) {
            throw new InvalidInputException("texts", "is required: a list of 1 to " + MAX_TEXTS + " strings");
        }
        if (texts.isEmpty() || texts.size() > MAX_TEXTS) {
            throw new InvalidInputException(
                    "texts", "must hold 1 to " + MAX_TEXTS + " texts (it holds " + texts.size() + ")");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) {
                problems.add(new FieldProblem("texts[" + i + "]", "must be a string, not null"));
            } else if (text.length() > MAX_LENGTH) {
                problems.add(new FieldProblem(
                        "texts[" + i + "]",
                        "must be at most " + MAX_LENGTH + " characters (it has " + text.length() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Some texts are not valid", problems);
        }
    }
}
