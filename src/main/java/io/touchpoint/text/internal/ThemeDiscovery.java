package io.touchpoint.text.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds keyphrases that tell detractors' comments from promoters' by weighted log-odds with an
 * informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin' Words"): the prior is
 * the phrase's share of all comments times {@code alpha0}, which shrinks rare phrases towards zero
 * so that a phrase said twice does not top the list.
 */
public final class ThemeDiscovery {

    /** A phrase, its counts in each group (comments that mention it) and its z-score (positive: detractors). */
    public record Scored(String phrase, int detractorCount, int promoterCount, double z) {}

    private ThemeDiscovery() {}

    /**
     * @param detractors keyphrases of each detractor comment
     * @param promoters  keyphrases of each promoter comment
     * @param background keyphrases of every comment (the prior), at least the two groups
     * @param minCount   a phrase must occur in at least this many comments of the two groups
     * @return phrases by z-score, most detractor-leaning first
     */
    public static List<Scored> logOdds(
            List<List<String>> detractors,
            List<List<String>> promoters,
            List<List<String>> background,
            double alpha0,
            int minCount) {
        Map<String, Integer> d = documentCounts(detractors);
        Map<String, Integer> p = documentCounts(promoters);
        Map<String, Integer> b = documentCounts(background);
        long nd = total(d);
        long np = total(p);
        long nb = total(b);
        List<Scored> scored = new ArrayList<>();
        if (nb == 0) {
            return scored;
        }
        Set<String> phrases = new HashSet<>(d.keySet());
        phrases.addAll(p.keySet());
        for (String phrase : phrases) {
            int yd = d.getOrDefault(phrase, 0);
            int yp = p.getOrDefault(phrase, 0);
            if (yd + yp < minCount) {
                continue;
            }
            double alpha = alpha0 * b.getOrDefault(phrase, yd + yp) / nb;
            double delta = Math.log((yd + alpha) / (nd + alpha0 - yd - alpha))
                    - Math.log((yp + alpha) / (np + alpha0 - yp - alpha));
            double variance = 1 / (yd + alpha) + 1 / (yp + alpha);
            scored.add(new Scored(phrase, yd, yp, delta / Math.sqrt(variance)));
        }
        scored.sort(Comparator.comparingDouble(Scored::z).reversed().thenComparing(Scored::phrase));
        return scored;
    }

    /** Each phrase counted once per comment. */
    private static Map<String, Integer> documentCounts(List<List<String>> documents) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> phrases : documents) {
            for (String phrase : new HashSet<>(phrases)) {
                counts.merge(phrase, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static long total(Map<String, Integer> counts) {
        long sum = 0;
        for (int c : counts.values()) {
            sum += c;
        }
        return sum;
    }
}
