package io.touchpoint.loop.internal;

import java.util.List;
import java.util.Set;

/**
 * What rules can see of one finished response: its NPS score, CSAT and CES scores (CES turned so
 * that a higher score always means easier), its text answers and the themes found in them (empty
 * unless a theme rule asked for them).
 */
public record ResponseFacts(Integer nps, List<Double> csat, List<Double> ces, List<String> texts, Set<String> themes) {

    public ResponseFacts {
        csat = List.copyOf(csat);
        ces = List.copyOf(ces);
        texts = List.copyOf(texts);
        themes = Set.copyOf(themes);
    }

    public ResponseFacts withThemes(Set<String> found) {
        return new ResponseFacts(nps, csat, ces, texts, found);
    }

    /** One stored answer row as the matcher needs it. */
    public record Answer(String type, Double number, String text, Integer scaleMax, boolean reversed) {}

    public static ResponseFacts of(Integer nps, List<Answer> answers) {
        List<Double> csat = answers.stream()
                .filter(a -> "csat".equals(a.type()) && a.number() != null)
                .map(Answer::number)
                .toList();
        List<Double> ces = answers.stream()
                .filter(a -> "ces".equals(a.type()) && a.number() != null)
                .map(a -> a.reversed() && a.scaleMax() != null ? a.scaleMax() + 1 - a.number() : a.number())
                .toList();
        List<String> texts = answers.stream()
                .filter(a -> "text".equals(a.type()) && a.text() != null)
                .map(Answer::text)
                .toList();
        return new ResponseFacts(nps, csat, ces, texts, Set.of());
    }
}
