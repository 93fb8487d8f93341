package io.touchpoint.text.internal.training;

import io.touchpoint.text.internal.KoreanLexicon;
import io.touchpoint.text.internal.KoreanMorphology;
import io.touchpoint.text.internal.LinearModel;
import io.touchpoint.text.internal.LinearSentiment;
import io.touchpoint.text.internal.LinearTrainer;
import io.touchpoint.text.internal.SentimentFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Trains, tunes and evaluates the shipped Korean sentiment model on the NSMC files (see
 * {@code scripts/train-sentiment.sh}). Modes:
 *
 * <ul>
 *   <li>{@code tune DATA [features,… [C,…]]}: trains on train.tsv with several settings, prints dev.tsv
 *       figures;
 *   <li>{@code train DATA OUT [features C minCount balanced]}: trains the model on train.tsv, picks
 *       the neutral band on dev.tsv, writes the model and prints dev figures;
 *   <li>{@code dev DATA MODEL}: the shipped model, as served (with the lexicon), on dev.tsv;
 *   <li>{@code holdout DATA MODEL}: the one final measurement on holdout.tsv.
 * </ul>
 */
public final class SentimentTraining {

    private SentimentTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: tune DATA | train DATA OUT [features C minCount balanced] | holdout DATA MODEL");
            System.exit(2);
        }
        Path data = Path.of(args[1]);
        switch (args[0]) {
            case "tune" -> tune(data, args.length > 2 ? args[2] : null, args.length > 3 ? args[3] : null);
            case "train" -> train(data, Path.of(args[2]), args.length > 3 ? args[3] : null, args);
            case "dev" -> evaluate(data, Path.of(args[2]), "dev.tsv", "DEV");
            case "holdout" -> evaluate(data, Path.of(args[2]), "holdout.tsv", "HOLDOUT");
            default -> throw new IllegalArgumentException("Unknown mode " + args[0]);
        }
    }

    private static void tune(Path data, String optionList, String cList) throws IOException {
        List<Nsmc> train = binary(Nsmc.read(data.resolve("train.tsv")));
        List<Nsmc> dev = binary(Nsmc.read(data.resolve("dev.tsv")));
        long start = System.nanoTime();
        var superset = features("c1-4+w+b");
        List<List<String>> trainAll = extractAll(superset, train);
        List<List<String>> devAll = extractAll(superset, dev);
        log("features of %d + %d texts in %.1f s", train.size(), dev.size(), seconds(start));
        boolean[] labels = labels(train);
        String[] optionSets = optionList == null
                ? new String[] {"c1-3+w+b", "c1-4+w+b", "c2-4+w+b", "c1-3+w", "c1-4", "c1-2+w+b"}
                : optionList.split(",");
        double[] cs = cList == null
                ? new double[] {1, 4, 16}
                : java.util.Arrays.stream(cList.split(","))
                        .mapToDouble(Double::parseDouble)
                        .toArray();
        for (String options : optionSets) {
            var parsed = SentimentFeatures.Options.parse(options);
            List<List<String>> trainF = restrict(trainAll, parsed);
            List<List<String>> devF = restrict(devAll, parsed);
            for (double c : cs) {
                for (boolean balanced : new boolean[] {false, true}) {
                    long t = System.nanoTime();
                    var model = train(trainF, labels, c, 2, balanced, options);
                    Evaluation e = binaryEvaluation(dev, devF, f -> Math.tanh(model.logit(f) / 2), 0);
                    log(
                            "%-10s C=%-4s balanced=%-5s weights=%7d acc=%.4f macroF1=%.4f (%.0f s)",
                            options, c, balanced, model.size(), e.accuracy(), e.macroF1(), seconds(t));
                }
            }
        }
    }

    private static void train(Path data, Path out, String optionsArg, String[] args) throws IOException {
        String options = optionsArg == null ? "c1-3+w+b" : optionsArg;
        double c = args.length > 4 ? Double.parseDouble(args[4]) : 4;
        int minCount = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        boolean balanced = args.length <= 6 || Boolean.parseBoolean(args[6]);
        long start = System.nanoTime();
        List<Nsmc> train = binary(Nsmc.read(data.resolve("train.tsv")));
        List<Nsmc> devAll = Nsmc.read(data.resolve("dev.tsv"));
        var extractor = features(options);
        List<List<String>> trainF = extractAll(extractor, train);
        var model = train(trainF, labels(train), c, minCount, balanced, options);
        double trainSeconds = seconds(start);
        log("trained on %d texts in %.1f s: %d weights", train.size(), trainSeconds, model.size());

        ToDoubleFunction<String> modelOnly = text -> Math.tanh(model.logit(extractor.extract(text, "ko")) / 2);
        List<Nsmc> dev = binary(devAll);
        double[] devModel = scores(dev, modelOnly);
        log(
                "dev, binary (1-4 vs 9-10), model alone:%n%s",
                binaryEvaluation(dev, devModel, 0).report());
        var scorer = LinearSentiment.of(model, MORPHOLOGY, "ko", KoreanLexicon.shipped());
        double[] devScores = scores(dev, scorer::score);
        log(
                "dev, binary, model with the CX lexicon (as served):%n%s",
                binaryEvaluation(dev, devScores, 0).report());

        double[] allScores = scores(devAll, scorer::score);
        // The three-class optimum is flat (7-8 reviews read much like 9-10 ones): pick the band with the
        // best mean of three-class accuracy and macro-F1 rather than macro-F1 alone, which would call
        // a third of clearly worded texts neutral.
        double bestBand = 0;
        double best = -1;
        for (double band = 0.05; band <= 0.801; band += 0.05) {
            Evaluation e = threeWayEvaluation(devAll, allScores, band);
            double value = (e.accuracy() + e.macroF1()) / 2;
            if (value > best) {
                best = value;
                bestBand = band;
            }
        }
        String neutral = String.format(Locale.ROOT, "%.2f", bestBand);
        log(
                "dev, three classes (1-6 / 7-8 / 9-10), neutral band |score| < %s:%n%s",
                neutral, threeWayEvaluation(devAll, allScores, bestBand).report());
        Map<String, String> header = new LinkedHashMap<>();
        header.put("neutral", neutral);
        header.put(
                "trained",
                String.format(
                        Locale.ROOT,
                        "NSMC train.tsv, %d reviews (1-4 vs 9-10), C=%s minCount=%d balanced=%s, %.0f s",
                        train.size(),
                        c,
                        minCount,
                        balanced,
                        trainSeconds));
        LinearModel shipped = model;
        for (var entry : header.entrySet()) {
            shipped = shipped.withHeader(entry.getKey(), entry.getValue());
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            shipped.write(stream);
        }
        log("wrote %s (%d bytes) in %.1f s in all", out, Files.size(out), seconds(start));
    }

    private static void evaluate(Path data, Path modelFile, String file, String name) throws IOException {
        List<Nsmc> all = Nsmc.read(data.resolve(file));
        LinearModel model;
        try (InputStream in = Files.newInputStream(modelFile)) {
            model = LinearModel.read(in);
        }
        var scorer = LinearSentiment.of(model, MORPHOLOGY, "ko", KoreanLexicon.shipped());
        double band = scorer.neutralBand();
        long start = System.nanoTime();
        double[] scores = scores(all, scorer::score);
        log("scored %d reviews of %s in %.1f s", all.size(), file, seconds(start));
        List<Nsmc> binary = new ArrayList<>();
        List<Double> binaryScores = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).binary()) {
                binary.add(all.get(i));
                binaryScores.add(scores[i]);
            }
        }
        double[] b = binaryScores.stream().mapToDouble(Double::doubleValue).toArray();
        log("%s binary (1-4 vs 9-10):%n%s", name, binaryEvaluation(binary, b, 0).report());
        log(
                "%s three classes (1-6 / 7-8 / 9-10), band %s:%n%s",
                name, band, threeWayEvaluation(all, scores, band).report());
        if (name.equals("DEV")) {
            for (double candidate = 0.1; candidate <= 0.801; candidate += 0.05) {
                Evaluation e = threeWayEvaluation(all, scores, candidate);
                log("  band %.2f: three-class accuracy %.4f macroF1 %.4f", candidate, e.accuracy(), e.macroF1());
            }
        }
    }

    private static final KoreanMorphology MORPHOLOGY = KoreanMorphology.withDefaultDictionary();

    private static SentimentFeatures features(String options) {
        return new SentimentFeatures(MORPHOLOGY, SentimentFeatures.Options.parse(options));
    }

    private static List<List<String>> extractAll(SentimentFeatures features, List<Nsmc> reviews) {
        return reviews.parallelStream()
                .map(r -> features.extract(r.text(), "ko"))
                .toList();
    }

    /** The features of a superset that the narrower options would have produced. */
    private static List<List<String>> restrict(List<List<String>> all, SentimentFeatures.Options options) {
        return all.stream()
                .map(features ->
                        features.stream().filter(f -> keeps(f, options)).toList())
                .toList();
    }

    private static boolean keeps(String feature, SentimentFeatures.Options options) {
        if (feature.startsWith("c:")) {
            int n = feature.codePointCount(2, feature.length());
            return n >= options.minCharN() && n <= options.maxCharN();
        }
        return feature.startsWith("w:") ? options.words() : options.wordBigrams();
    }

    private static LinearModel train(
            List<List<String>> features, boolean[] labels, double c, int minCount, boolean balanced, String options) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("language", "ko");
        header.put("features", options);
        return LinearTrainer.train(features, labels, new LinearTrainer.Settings(c, minCount, balanced, 0.005f), header);
    }

    private static Evaluation binaryEvaluation(
            List<Nsmc> reviews, List<List<String>> features, ToDoubleFunction<List<String>> score, double threshold) {
        double[] scores = new double[reviews.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score.applyAsDouble(features.get(i));
        }
        return binaryEvaluation(reviews, scores, threshold);
    }

    private static Evaluation binaryEvaluation(List<Nsmc> reviews, double[] scores, double threshold) {
        Evaluation e = new Evaluation("negative", "positive");
        for (int i = 0; i < scores.length; i++) {
            e.add(reviews.get(i).positive() ? 1 : 0, scores[i] > threshold ? 1 : 0);
        }
        return e;
    }

    private static Evaluation threeWayEvaluation(List<Nsmc> reviews, double[] scores, double band) {
        Evaluation e = new Evaluation("negative", "neutral", "positive");
        for (int i = 0; i < scores.length; i++) {
            int predicted = scores[i] <= -band ? 0 : scores[i] >= band ? 2 : 1;
            e.add(reviews.get(i).threeWay(), predicted);
        }
        return e;
    }

    private static double[] scores(List<Nsmc> reviews, ToDoubleFunction<String> score) {
        return reviews.parallelStream()
                .mapToDouble(r -> score.applyAsDouble(r.text()))
                .toArray();
    }

    private static List<Nsmc> binary(List<Nsmc> reviews) {
        return reviews.stream().filter(Nsmc::binary).toList();
    }

    private static boolean[] labels(List<Nsmc> reviews) {
        boolean[] labels = new boolean[reviews.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = reviews.get(i).positive();
        }
        return labels;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
