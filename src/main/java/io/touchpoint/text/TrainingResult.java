package io.touchpoint.text;

import java.util.List;

/** What training a workspace model did, per language. */
public record TrainingResult(List<LanguageModel> languages) {

    /**
     * One language's outcome: the examples used, whether a model was trained (it needs
     * {@code minimumPerClass} positive and negative examples) and its 5-fold cross-validated accuracy.
     */
    public record LanguageModel(
            String language,
            int positives,
            int negatives,
            boolean trained,
            Double crossValidatedAccuracy,
            String note) {}

    public TrainingResult {
        languages = List.copyOf(languages);
    }
}
