package io.touchpoint.text.internal;

import io.touchpoint.text.LabelledText;
import io.touchpoint.text.Sentiment;
import io.touchpoint.text.TrainingResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each workspace's own sentiment models, trained from its score-labelled comments with the same
 * features and learner as the shipped Korean model. {@link ModelStore} writes them to the database
 * and puts them back in use at start.
 */
public class WorkspaceModels {

    /** A language needs this many positive and this many negative examples before it gets a model. */
    public static final int MINIMUM_PER_CLASS = 50;

    private static final LinearTrainer.Settings SETTINGS = new LinearTrainer.Settings(4, 1, true, 0.001f);
    private static final String FEATURES = "c1-3+w+b";

    private final KoreanMorphology korean;
    private final KoreanLexicon koreanPrior;
    private final Map<UUID, Map<String, SentimentScorer>> models = new ConcurrentHashMap<>();
    private final Map<UUID, String> versions = new ConcurrentHashMap<>();
    private final Map<UUID, List<Trained>> lastTrained = new ConcurrentHashMap<>();

    public WorkspaceModels(KoreanMorphology korean, KoreanLexicon koreanPrior) {
        this.korean = korean;
        this.koreanPrior = koreanPrior;
    }

    /**
     * Which sentiment models a workspace's analyses use, stored with each analysed comment:
     * {@code base} or the languages and training time of its own models.
     */
    public String version(UUID workspaceId) {
        return versions.getOrDefault(workspaceId, "base");
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
        List<Trained> fresh = new ArrayList<>();
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
                trained.put(language, scorer(model, language));
                fresh.add(new Trained(language, model, polar.size(), accuracy));
                outcomes.add(new TrainingResult.LanguageModel(
                        language, positives, negatives, true, accuracy, "in use for this workspace"));
            }
        });
        models.put(workspaceId, Map.copyOf(trained));
        versions.put(workspaceId, version(trained.keySet(), Instant.now()));
        lastTrained.put(workspaceId, List.copyOf(fresh));
        return new TrainingResult(outcomes);
    }

    /** A model trained for one language, to be stored: its examples and cross-validated accuracy. */
    public record Trained(String language, LinearModel model, int examples, double accuracy) {}

    /** The models the last {@link #train} call produced for the workspace (to store them). */
    public List<Trained> lastTrained(UUID workspaceId) {
        return lastTrained.getOrDefault(workspaceId, List.of());
    }

    /** Puts stored models back in use, as after a restart. */
    public void install(UUID workspaceId, Map<String, LinearModel> stored, Instant trainedAt) {
        Map<String, SentimentScorer> scorers = new LinkedHashMap<>(of(workspaceId));
        stored.forEach((language, model) -> scorers.put(language, scorer(model, language)));
        models.put(workspaceId, Map.copyOf(scorers));
        versions.put(workspaceId, version(scorers.keySet(), trainedAt));
    }

    private LinearSentiment scorer(LinearModel model, String language) {
        return new LinearSentiment(model, korean, language, language.equals("ko") ? koreanPrior : null, 0.2);
    }

    private static String version(java.util.Set<String> languages, Instant at) {
        return "own:" + String.join("+", new java.util.TreeSet<>(languages)) + "@" + at;
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
