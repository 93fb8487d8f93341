package io.touchpoint.text.internal;

import java.util.List;
import java.util.Set;

/**
 * Which Korean morphemes are negated: the predicate after 안/못 (안 좋아요, 못 먹었어요), the predicate
 * before 지 않다 / 지 못하다 / 지 말다 (좋지 않았다), and the noun before 없다 (재미가 없다).
 */
final class KoreanNegation {

    private static final Set<String> SHORT_NEGATORS = Set.of("안", "못");
    private static final Set<String> LONG_NEGATORS = Set.of("않", "못하", "못", "말");

    private KoreanNegation() {}

    static boolean[] negatedPositions(List<Morph> morphs) {
        boolean[] negated = new boolean[morphs.size()];
        for (int i = 0; i < morphs.size(); i++) {
            Morph m = morphs.get(i);
            if (m.tag().equals("MAG") && SHORT_NEGATORS.contains(m.term())) {
                for (int j = i + 1; j < Math.min(morphs.size(), i + 4); j++) {
                    if (morphs.get(j).isPredicate() || morphs.get(j).tag().equals("VX")) {
                        negated[j] = true;
                        break;
                    }
                }
            }
            if ((m.tag().equals("VX") || m.tag().equals("VV")) && LONG_NEGATORS.contains(m.term()) && i >= 2) {
                Morph before = morphs.get(i - 1);
                if (before.tag().equals("E") && before.term().equals("지")) {
                    markPredicateBefore(morphs, negated, i - 1);
                }
            }
            if (m.tag().equals("VA") && m.term().equals("없") && i >= 1) {
                int j = i - 1;
                if (morphs.get(j).tag().equals("J") && j >= 1) {
                    j--;
                }
                if (morphs.get(j).isNoun()) {
                    negated[j] = true;
                }
            }
        }
        return negated;
    }

    private static void markPredicateBefore(List<Morph> morphs, boolean[] negated, int index) {
        for (int j = index - 1; j >= Math.max(0, index - 3); j--) {
            Morph candidate = morphs.get(j);
            if (candidate.isPredicate()
                    || candidate.tag().equals("VX")
                    || candidate.tag().equals("VCP")) {
                negated[j] = true;
                // 친절/NNG 하/XSA 지 않다: the noun carries the meaning of the derived predicate
                boolean derived =
                        candidate.tag().equals("XSA") || candidate.tag().equals("XSV");
                if (derived && j >= 1 && morphs.get(j - 1).isNoun()) {
                    negated[j - 1] = true;
                }
                return;
            }
            if (!candidate.tag().equals("E")) {
                return;
            }
        }
    }
}
