package io.touchpoint.text.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Keyphrase candidates of one comment: for Korean, nouns and runs of adjacent nouns (배송 지연,
 * 고객센터 응대); for English, content words and pairs of adjacent content words (customer service,
 * delivery time). Ranked by how often they occur, phrases before single words, then by position.
 */
final class Keyphrases {

    private static final Set<String> KOREAN_STOP_NOUNS = Set.of(
            "것",
            "수",
            "때",
            "거",
            "점",
            "정도",
            "이번",
            "저",
            "제",
            "번",
            "분",
            "곳",
            "개",
            "중",
            "다음",
            "처음",
            "마지막",
            "하나",
            "오늘",
            "어제",
            "내일",
            "생각",
            "느낌",
            "부분",
            "경우",
            "사람",
            "자체",
            "이유",
            "등",
            "뭐",
            "이",
            "그",
            "때문",
            "진짜",
            "정말",
            "완전",
            "최고",
            "최악",
            "별로",
            "감사",
            "만족",
            "불만",
            "추천",
            "다시",
            "이거",
            "그거",
            "여기",
            "거기",
            "저희",
            "우리",
            "고객님",
            // generic words of shop comments that name no topic (they topped theme discovery on the demo)
            "제품",
            "상품",
            "보통",
            "필요",
            "특별",
            "이용",
            "의사");
    private static final Set<String> KOREAN_ONE_SYLLABLE = Set.of("맛", "옷", "앱", "값", "색", "향", "질", "빵", "신발", "폰");
    private static final Set<String> ENGLISH_STOP = Set.of(
            "i",
            "i'm",
            "me",
            "my",
            "we",
            "our",
            "you",
            "your",
            "they",
            "them",
            "it's",
            "its",
            "very",
            "really",
            "so",
            "also",
            "just",
            "get",
            "got",
            "would",
            "could",
            "should",
            "did",
            "does",
            "do",
            "done",
            "was",
            "were",
            "has",
            "have",
            "had",
            "am",
            "is",
            "are",
            "been",
            "being",
            "much",
            "many",
            "more",
            "most",
            "some",
            "any",
            "all",
            "again",
            "even",
            "still",
            "only",
            "too",
            "quite",
            "what",
            "when",
            "which",
            "who",
            "how",
            "why",
            "where",
            "because",
            "about",
            "from",
            "after",
            "before",
            "over",
            "one",
            "two",
            "lot",
            "thing",
            "things",
            "everything",
            "something",
            "anything",
            "ever",
            "always",
            "can",
            "will",
            "make",
            "made",
            "use",
            "used",
            "come",
            "came",
            "went",
            "go",
            "going",
            "take",
            "took",
            "give",
            "gave",
            "say",
            "said",
            "know",
            "think",
            "want",
            "need",
            "here",
            "there",
            "now",
            "then",
            "well",
            "definitely",
            "overall",
            "however",
            "although",
            "though",
            "yet");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Keyphrases() {}

    static List<String> korean(String text, List<Morph> morphs, int limit) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (int i = 0; i < morphs.size(); i++) {
            if (!keepKoreanNoun(morphs.get(i))) {
                continue;
            }
            int j = i;
            while (j + 1 < morphs.size() && j - i < 2 && keepKoreanNoun(morphs.get(j + 1))) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                add(candidates, morphs.get(k).term(), false, morphs.get(k).start());
            }
            if (j > i) {
                Morph first = morphs.get(i);
                Morph last = morphs.get(j);
                String phrase = first.end() <= last.start()
                        ? WHITESPACE
                                .matcher(text.substring(first.start(), last.end()))
                                .replaceAll(" ")
                        : joined(morphs, i, j);
                add(candidates, phrase, true, first.start());
                i = j;
            }
        }
        return ranked(candidates, limit);
    }

    private static String joined(List<Morph> morphs, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int k = from; k <= to; k++) {
            out.append(morphs.get(k).term());
        }
        return out.toString();
    }

    private static boolean keepKoreanNoun(Morph m) {
        if (!(m.tag().equals("NNG") || m.tag().equals("NNP") || m.tag().equals("SL"))) {
            return false;
        }
        String term = m.term();
        if (KOREAN_STOP_NOUNS.contains(term)) {
            return false;
        }
        return term.codePointCount(0, term.length()) >= 2 || KOREAN_ONE_SYLLABLE.contains(term);
    }

    static List<String> english(List<EnglishWords.Word> words, Set<String> opinionWords, int limit) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        EnglishWords.Word previous = null;
        for (EnglishWords.Word word : words) {
            boolean content = keepEnglish(word, opinionWords);
            if (content) {
                add(candidates, word.surface(), false, word.start());
                if (previous != null) {
                    add(candidates, previous.surface() + " " + word.surface(), true, previous.start());
                }
            }
            previous = content ? word : null;
        }
        return ranked(candidates, limit);
    }

    private static boolean keepEnglish(EnglishWords.Word word, Set<String> opinionWords) {
        String w = word.surface();
        return w.length() >= 3
                && w.chars().allMatch(Character::isLetter)
                && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)
                && !ENGLISH_STOP.contains(w)
                && !opinionWords.contains(w);
    }

    private record Candidate(String text, boolean phrase, int position, int[] count) {}

    private static void add(Map<String, Candidate> candidates, String text, boolean phrase, int position) {
        candidates.computeIfAbsent(text, t -> new Candidate(t, phrase, position, new int[1]))
                .count()[0]++;
    }

    private static List<String> ranked(Map<String, Candidate> candidates, int limit) {
        List<Candidate> list = new ArrayList<>(candidates.values());
        list.sort(Comparator.comparingInt((Candidate c) -> -c.count()[0])
                .thenComparing(c -> !c.phrase())
                .thenComparingInt(Candidate::position));
        return list.stream().limit(limit).map(Candidate::text).toList();
    }
}
