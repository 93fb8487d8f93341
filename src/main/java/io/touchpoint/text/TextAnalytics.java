package io.touchpoint.text;

import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.text.internal.TextPipeline;
import io.touchpoint.text.internal.WorkspaceModels;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Analyses comments (language, redaction, sentiment per comment and clause, keyphrases, themes)
 * with the workspace's current sentiment model, and trains a workspace's own model from comments
 * labelled by their authors' scores.
 */
@Service
public class TextAnalytics {

    /** At most this many texts per call. */
    public static final int MAX_TEXTS = 1000;

    /** At most this many characters (UTF-16 code units) per text. */
    public static final int MAX_LENGTH = 10_000;

    private final TextPipeline pipeline;
    private final WorkspaceModels models;

    TextAnalytics(TextPipeline pipeline, WorkspaceModels models) {
        this.pipeline = pipeline;
        this.models = models;
    }

    /**
     * One analysis per text, in the same order.
     *
     * @throws InvalidInputException when there are no texts, too many, or a text is missing or too long
     */
    public List<TextAnalysis> analyze(UUID workspaceId, List<String> texts) {
        check(texts);
        var own = models.of(workspaceId);
        return texts.stream().map(text -> pipeline.analyze(text, own)).toList();
    }

    /**
     * Trains the workspace's own sentiment model for each language with enough positive and negative
     * examples; from then on it replaces the shipped model for that language in this workspace.
     * Neutral examples are not used by the binary model. Models are kept in memory for now.
     */
    public TrainingResult train(UUID workspaceId, List<LabelledText> examples) {
        if (examples == null || examples.isEmpty()) {
            throw new InvalidInputException("examples", "must not be empty");
        }
        return models.train(workspaceId, examples);
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
