package io.touchpoint.text.internal;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link LinearModel} with liblinear's L2-regularised logistic regression on feature lists
 * labelled positive (true) or negative (false). Features seen in fewer than {@code minCount} texts
 * are dropped, and so are weights too small to matter, to keep the model small.
 */
public final class LinearTrainer {

    /** C: inverse regularisation strength; balanced: weigh both classes equally whatever their counts. */
    public record Settings(double c, int minCount, boolean balanced, float pruneBelow) {
        public static final Settings DEFAULT = new Settings(1.0, 2, true, 0.005f);
    }

    static {
        Linear.disableDebugOutput();
    }

    private LinearTrainer() {}

    public static LinearModel train(
            List<List<String>> texts, boolean[] positive, Settings settings, Map<String, String> header) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> features : texts) {
            for (String f : features) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        counts.forEach((f, n) -> {
            if (n >= settings.minCount()) {
                index.put(f, vocabulary.size() + 1);
                vocabulary.add(f);
            }
        });
        Problem problem = new Problem();
        problem.l = texts.size();
        problem.n = vocabulary.size() + 1;
        problem.bias = 1;
        problem.x = new Feature[texts.size()][];
        problem.y = new double[texts.size()];
        int positives = 0;
        for (int i = 0; i < texts.size(); i++) {
            List<String> features = texts.get(i);
            double value = features.isEmpty() ? 0 : 1 / Math.sqrt(features.size());
            int[] ids = features.stream()
                    .map(index::get)
                    .filter(id -> id != null)
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            Feature[] row = new Feature[ids.length + 1];
            for (int k = 0; k < ids.length; k++) {
                row[k] = new FeatureNode(ids[k], value);
            }
            row[ids.length] = new FeatureNode(problem.n, 1);
            problem.x[i] = row;
            problem.y[i] = positive[i] ? 1 : -1;
            positives += positive[i] ? 1 : 0;
        }
        int negatives = texts.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("Training needs positive and negative examples");
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, settings.c(), 0.001);
        if (settings.balanced()) {
            double total = texts.size();
            parameter.setWeights(
                    new double[] {total / (2.0 * positives), total / (2.0 * negatives)}, new int[] {1, -1});
        }
        Model model = Linear.train(problem, parameter);
        double[] raw = model.getFeatureWeights();
        // liblinear's weights favour its first label; make them favour "positive"
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        List<String> kept = new ArrayList<>();
        List<Float> keptWeights = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            float w = (float) (sign * raw[i]);
            if (Math.abs(w) >= settings.pruneBelow()) {
                kept.add(vocabulary.get(i));
                keptWeights.add(w);
            }
        }
        float[] weights = new float[keptWeights.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = keptWeights.get(i);
        }
        double bias = sign * raw[vocabulary.size()];
        return new LinearModel(header, kept, weights, bias);
    }
}
