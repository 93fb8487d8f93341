package io.touchpoint.text.internal;

import java.util.List;

/**
 * Sentiment from a trained {@link LinearModel}: score = 2·P(positive) − 1. For Korean an optional
 * lexicon of customer-experience words adds its votes to the model's log-odds, because the base
 * model learnt from movie reviews and has rarely seen words such as 파손 or 오배송.
 */
public final class LinearSentiment implements SentimentScorer {

    private final LinearModel model;
    private final SentimentFeatures features;
    private final KoreanMorphology korean;
    private final String language;
    private final KoreanLexicon prior;
    private final double band;

    /** @param prior may be null: the model alone */
    public LinearSentiment(
            LinearModel model, KoreanMorphology korean, String language, KoreanLexicon prior, double neutralBand) {
        this.model = model;
        this.korean = korean;
        this.features = new SentimentFeatures(korean, SentimentFeatures.Options.parse(model.header("features")));
        this.language = language;
        this.prior = prior;
        this.band = neutralBand;
    }

    /** With the neutral band recorded in the model. */
    public static LinearSentiment of(LinearModel model, KoreanMorphology korean, String language, KoreanLexicon prior) {
        String neutral = model.header("neutral");
        return new LinearSentiment(model, korean, language, prior, neutral == null ? 0.2 : Double.parseDouble(neutral));
    }

    public LinearModel model() {
        return model;
    }

    @Override
    public double score(String text) {
        return Math.tanh(logit(text) / 2);
    }

    @Override
    public double neutralBand() {
        return band;
    }

    @Override
    public double score(String normal, List<Morph> morphs) {
        if (!"ko".equals(language)) {
            return score(normal);
        }
        double logit = model.logit(features.extract(normal, morphs, language));
        return Math.tanh((prior == null ? logit : logit + prior.votes(morphs)) / 2);
    }

    double logit(String text) {
        String normal = SentimentFeatures.normalise(text);
        if (!"ko".equals(language)) {
            return model.logit(features.extract(normal, List.of(), language));
        }
        List<Morph> morphs = korean.analyze(normal);
        double logit = model.logit(features.extract(normal, morphs, language));
        return prior == null ? logit : logit + prior.votes(morphs);
    }
}
