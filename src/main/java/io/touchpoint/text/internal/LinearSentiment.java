package io.touchpoint.text.internal;

import java.util.List;

/**
 * Sentiment from a trained {@link LinearModel}: score = 2·P(positive) − 1. For Korean an optional
 * lexicon of customer-experience words adds its votes to the model's log-odds, because the base
 * model learnt from movie reviews and has rarely seen words such as 파손 or 오배송.
 */
public final class LinearSentiment implements SentimentScorer {

    /** Each thread reuses its buffer of feature hashes: scoring allocates almost nothing. */
    private static final ThreadLocal<FeatureHashes> HASHES = ThreadLocal.withInitial(FeatureHashes::new);

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
        return Math.tanh(logit(normal, morphs) / 2);
    }

    double logit(String text) {
        String normal = SentimentFeatures.normalise(text);
        return logit(normal, "ko".equals(language) ? korean.analyze(normal) : List.of());
    }

    private double logit(String normal, List<Morph> morphs) {
        FeatureHashes hashes = HASHES.get();
        features.hashes(normal, morphs, language, hashes);
        double logit = model.logit(hashes);
        return prior == null || !"ko".equals(language) ? logit : logit + prior.votes(morphs);
    }
}
