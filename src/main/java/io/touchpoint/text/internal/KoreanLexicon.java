package io.touchpoint.text.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small hand-written list of Korean customer-experience words with a polarity (파손 −2, 친절 +1.5),
 * matched on Nori morphemes. A negated word counts against its polarity (안 친절하다).
 */
public final class KoreanLexicon {

    static final String RESOURCE = "sentiment_lexicon_ko.tsv";

    private final Map<String, Double> weights;
    private final Map<String, Double> negatedWeights;

    KoreanLexicon(Map<String, Double> weights, Map<String, Double> negatedWeights) {
        this.weights = Map.copyOf(weights);
        this.negatedWeights = Map.copyOf(negatedWeights);
    }

    /**
     * The shipped list. A third column, where present, is the word's vote when negated: general
     * praise words (좋다, 괜찮다, 친절하다 …) vote nothing plainly, since the model knows them, but
     * strongly against when negated, because negated praise (안 좋아요, 좋지 않아요) is rare in the
     * movie reviews the model learnt from and it under-rates it.
     */
    public static KoreanLexicon shipped() {
        return new KoreanLexicon(readWeights(RESOURCE), readWeights(RESOURCE, 2));
    }

    /** Lines of {@code word<TAB>weight}; # starts a comment. */
    static Map<String, Double> readWeights(String resource) {
        return readWeights(resource, 1);
    }

    /** The given column of lines of {@code word<TAB>weight…}; lines without it are left out. */
    static Map<String, Double> readWeights(String resource, int column) {
        Map<String, Double> weights = new HashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(KoreanLexicon.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length > column) {
                    weights.put(cols[0], Double.parseDouble(cols[column]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return weights;
    }

    /** The sum of the polarities of the lexicon words among the morphemes, in log-odds units. */
    double votes(List<Morph> morphs) {
        boolean[] negated = KoreanNegation.negatedPositions(morphs);
        double sum = 0;
        for (int i = 0; i < morphs.size(); i++) {
            Morph m = morphs.get(i);
            if (m.tag().equals("E") || m.tag().equals("J")) {
                continue;
            }
            Double w = weights.get(m.term());
            Double whenNegated = negatedWeights.get(m.term());
            if (negated[i] && whenNegated != null) {
                sum += whenNegated;
            } else if (w != null) {
                sum += negated[i] ? -0.8 * w : w;
            }
        }
        return sum;
    }
}
