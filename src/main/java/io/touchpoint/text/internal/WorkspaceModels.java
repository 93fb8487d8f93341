package io.touchpoint.text.internal;

import io.touchpoint.text.LabelledText;
import io.touchpoint.text.Sentiment;
import io.touchpoint.text.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each workspace's own sentiment models, trained from its score-labelled comments with the same
 * features and learner as the shipped Korean model. Kept in memory on this node for now; storing
 * them is the feedback module's next step.
 */
public class WorkspaceModels {

    /** A language needs this many positive and this many negative examples before it gets a model. */
    public static final int MINIMUM_PER_CLASS = 50;

    private static final LinearTrainer.Settings SETTINGS = new LinearTrainer.Settings(4, 1, true, 0.001f);
    private static final String FEATURES = "c1-3+w+b";

    private final KoreanMorphology korean;
    private final KoreanLexicon koreanPrior;
    private final Map<UUID, Map<String, SentimentScorer>> models = new ConcurrentHashMap<>();

    public WorkspaceModels(KoreanMorphology korean, KoreanLexicon koreanPrior) {
        this.korean = korean;
        this.koreanPrior = koreanPrior;
    }

    /** The workspace's own scorers by language; empty when it has trained none. */
    public Map<String, SentimentScorer> of(UUID workspaceId) {
        return models.getOrDefault(workspaceId, Map.of());
    }

    public TrainingResult train(UUID workspaceId, List<LabelledText> examples) {
        Map<String, List<LabelledText>> byLanguage = new LinkedHashMap<>();
        for (LabelledText example : examples) {
            String language = LanguageDetector.detect(PiiRedactor.redact(TextPipeline.clean(example.text())));
            byLanguage.computeIfAbsent(language, l -> new ArrayList<>()).add(example);
        }
        List<TrainingResult.LanguageModel> outcomes = new ArrayList<>();
        Map<String, SentimentScorer> trained = new LinkedHashMap<>(of(workspaceId));
        byLanguage.forEach((language, list) -> {
            List<LabelledText> polar =
                    list.stream().filter(e -> e.label() != Sentiment.NEUTRAL).toList();
            int positives = (int)
                    polar.stream().filter(e -> e.label() == Sentiment.POSITIVE).count();
            int negatives = polar.size() - positives;
            if (language.equals(LanguageDetector.OTHER)) {
                outcomes.add(new TrainingResult.LanguageModel(
                        language, positives, negatives, false, null, "only Korean and English are modelled"));
            } else if (positives < MINIMUM_PER_CLASS || negatives < MINIMUM_PER_CLASS) {
                outcomes.add(new TrainingResult.LanguageModel(
                        language,
                        positives,
                        negatives,
                        false,
                        null,
                        "needs at least " + MINIMUM_PER_CLASS + " positive and " + MINIMUM_PER_CLASS
                                + " negative examples; the shipped model stays in use"));
            } else {
                var features = new SentimentFeatures(korean, SentimentFeatures.Options.parse(FEATURES));
                List<List<String>> x = polar.stream()
                        .map(e -> features.extract(PiiRedactor.redact(TextPipeline.clean(e.text())), language))
                        .toList();
                boolean[] y = new boolean[polar.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = polar.get(i).label() == Sentiment.POSITIVE;
                }
                double accuracy = crossValidate(x, y, language);
                LinearModel model = LinearTrainer.train(x, y, SETTINGS, header(language, polar.size()));
                trained.put(
                        language,
                        new LinearSentiment(model, korean, language, language.equals("ko") ? koreanPrior : null, 0.2));
                outcomes.add(new TrainingResult.LanguageModel(
                        language, positives, negatives, true, accuracy, "in use for this workspace"));
            }
        });
        models.put(workspaceId, Map.copyOf(trained));
        return new TrainingResult(outcomes);
    }

    private static Map<String, String> header(String language, int examples) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("language", language);
        header.put("features", FEATURES);
        header.put("trained", "workspace comments, " + examples + " examples");
        return header;
    }

    /** 5-fold cross-validated accuracy, folds drawn with a fixed seed so a result can be repeated. */
    static double crossValidate(List<List<String>> x, boolean[] y, String language) {
        int folds = 5;
        int[] fold = new int[y.length];
        Random random = new Random(42);
        for (int i = 0; i < fold.length; i++) {
            fold[i] = random.nextInt(folds);
        }
        int right = 0;
        for (int f = 0; f < folds; f++) {
            List<List<String>> trainX = new ArrayList<>();
            List<Boolean> trainY = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (fold[i] != f) {
                    trainX.add(x.get(i));
                    trainY.add(y[i]);
                }
            }
            boolean[] labels = new boolean[trainY.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = trainY.get(i);
            }
            if (trainY.stream().distinct().count() < 2) {
                continue;
            }
            LinearModel model = LinearTrainer.train(trainX, labels, SETTINGS, header(language, labels.length));
            for (int i = 0; i < y.length; i++) {
                if (fold[i] == f && (model.logit(x.get(i)) > 0) == y[i]) {
                    right++;
                }
            }
        }
        return Math.round(1000.0 * right / y.length) / 1000.0;
    }
}
