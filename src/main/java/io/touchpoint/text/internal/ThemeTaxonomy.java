package io.touchpoint.text.internal;

import io.touchpoint.text.AnalysedComment;
import io.touchpoint.text.ThemeDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Named themes (delivery, price, quality …), each with keyword rules in Korean and English,
 * matched against the morphemes of a Korean comment or the word stems of an English one. A rule is
 * one keyword, or several joined by {@code +} that must all occur (배송+늦다: a late delivery).
 * Korean keywords match nouns (and nouns that contain them: 배송지연 → 배송) and predicate stems
 * (늦다 → 늦었어요); English keywords match Porter stems, phrases word by word.
 */
public final class ThemeTaxonomy {

    static final String RESOURCE = "themes.tsv";

    /** One part of a rule: a Korean word, or an English phrase as stems. */
    record Part(String korean, List<String> english) {}

    /** A theme with its rules; a rule matches when every one of its parts does. */
    record Theme(String id, String nameEn, String nameKo, List<List<Part>> rules) {}

    private static final String SHIPPED_TEXT = read();
    private static final int SHIPPED_VERSION = shippedVersion(SHIPPED_TEXT);

    private final List<Theme> themes;
    /** Each distinct Korean keyword word, numbered: a text's morphemes are looked up here once. */
    private final Map<String, Integer> koreanWords = new HashMap<>();
    /** For each theme, rule and part, the number of its Korean word, or −1 for an English part. */
    private final int[][][] koreanParts;
    /** The length of the longest Korean keyword: nouns are looked up by their pieces up to it. */
    private final int longestKorean;

    ThemeTaxonomy(List<Theme> themes) {
        this.themes = List.copyOf(themes);
        this.koreanParts = new int[themes.size()][][];
        int longest = 0;
        for (int t = 0; t < themes.size(); t++) {
            List<List<Part>> rules = themes.get(t).rules();
            koreanParts[t] = new int[rules.size()][];
            for (int r = 0; r < rules.size(); r++) {
                List<Part> rule = rules.get(r);
                koreanParts[t][r] = new int[rule.size()];
                for (int p = 0; p < rule.size(); p++) {
                    String word = rule.get(p).korean();
                    koreanParts[t][r][p] =
                            word == null ? -1 : koreanWords.computeIfAbsent(word, w -> koreanWords.size());
                    longest = Math.max(longest, word == null ? 0 : word.length());
                }
            }
        }
        this.longestKorean = longest;
    }

    static ThemeTaxonomy shipped() {
        return of(shippedDefinitions());
    }

    /**
     * The version number of analyses made with the shipped taxonomy: negative, and different for
     * each content of {@code themes.tsv}, so that a release with better default themes re-analyses
     * the comments of workspaces that never edited theirs.
     */
    static int shippedVersion() {
        return SHIPPED_VERSION;
    }

    /** The default taxonomy every workspace starts from. */
    static List<ThemeDefinition> shippedDefinitions() {
        List<ThemeDefinition> definitions = new ArrayList<>();
        for (String line : SHIPPED_TEXT.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            definitions.add(new ThemeDefinition(
                    cols[0],
                    cols[1],
                    cols[2],
                    Arrays.stream(cols[3].split(","))
                            .map(String::strip)
                            .filter(k -> !k.isEmpty())
                            .toList()));
        }
        return definitions;
    }

    private static String read() {
        try (InputStream in = Objects.requireNonNull(ThemeTaxonomy.class.getResourceAsStream(RESOURCE), RESOURCE);
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder text = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                text.append(line).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int shippedVersion(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return -1 - (int) (crc.getValue() & 0x3fffffff);
    }

    /** A taxonomy of the given themes, their keywords parsed into rules. */
    static ThemeTaxonomy of(List<ThemeDefinition> definitions) {
        List<Theme> themes = new ArrayList<>();
        for (ThemeDefinition definition : definitions) {
            List<List<Part>> rules = new ArrayList<>();
            for (String keyword : definition.keywords()) {
                List<Part> parts = new ArrayList<>();
                for (String piece : keyword.split("\\+")) {
                    String k = piece.strip().toLowerCase(Locale.ROOT);
                    if (isKorean(k)) {
                        parts.add(new Part(koreanWord(k), null));
                    } else if (!k.isEmpty()) {
                        List<String> stems = Arrays.asList(EnglishWords.stem(k).split(" "));
                        if (!stems.get(0).isEmpty()) {
                            parts.add(new Part(null, stems));
                        }
                    }
                }
                if (!parts.isEmpty()) {
                    rules.add(List.copyOf(parts));
                }
            }
            themes.add(new Theme(definition.id(), definition.nameEn(), definition.nameKo(), rules));
        }
        return new ThemeTaxonomy(themes);
    }

    /** 늦다 → 늦 (the stem Nori gives a predicate); spaces removed (배송 지연 → 배송지연). */
    private static String koreanWord(String keyword) {
        String word = keyword.replace(" ", "");
        return word.length() >= 2 && word.endsWith("다") ? word.substring(0, word.length() - 1) : word;
    }

    static boolean isKorean(String keyword) {
        return keyword.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }

    List<Theme> themes() {
        return themes;
    }

    /** Theme ids whose rules match a Korean text's morphemes, in order of first mention. */
    List<String> matchKorean(List<Morph> morphs) {
        List<String> latinStems = new ArrayList<>();
        for (Morph m : morphs) {
            if (m.tag().equals("SL")) {
                latinStems.add(EnglishWords.stem(m.term()));
            }
        }
        int[] positions = koreanPositions(morphs);
        if (latinStems.isEmpty() && Arrays.stream(positions).allMatch(p -> p < 0)) {
            return List.of();
        }
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int t = 0; t < themes.size(); t++) {
            Theme theme = themes.get(t);
            int first = Integer.MAX_VALUE;
            for (int r = 0; r < theme.rules().size(); r++) {
                List<Part> rule = theme.rules().get(r);
                int at = -1;
                for (int k = 0; k < rule.size(); k++) {
                    int word = koreanParts[t][r][k];
                    int p = word >= 0 ? positions[word] : stemPosition(latinStems, rule.get(k));
                    if (p < 0) {
                        at = -1;
                        break;
                    }
                    at = Math.max(at, word >= 0 ? p : Integer.MAX_VALUE - 1);
                }
                if (at >= 0) {
                    first = Math.min(first, at);
                }
            }
            if (first < Integer.MAX_VALUE) {
                found.put(theme.id(), first);
            }
        }
        return ordered(found);
    }

    /**
     * Where each Korean keyword word first occurs (−1: nowhere), by its number: a noun matches its
     * own term and every piece of it of two or more characters (배송지연 → 배송, 지연), a predicate
     * its stem (늦). One pass over the morphemes instead of one per keyword.
     */
    private int[] koreanPositions(List<Morph> morphs) {
        int[] positions = new int[koreanWords.size()];
        Arrays.fill(positions, -1);
        for (Morph m : morphs) {
            String term = m.term();
            if (m.isPredicate()) {
                found(positions, term, m.start());
            } else if (m.isNoun()) {
                found(positions, term, m.start());
                for (int from = 0; from < term.length() - 1; from++) {
                    int longest = Math.min(term.length(), from + longestKorean);
                    for (int to = from + 2; to <= longest; to++) {
                        if (to - from < term.length()) {
                            found(positions, term.substring(from, to), m.start());
                        }
                    }
                }
            }
        }
        return positions;
    }

    private void found(int[] positions, String word, int start) {
        Integer number = koreanWords.get(word);
        if (number != null && positions[number] < 0) {
            positions[number] = start;
        }
    }

    private static int stemPosition(List<String> stems, Part part) {
        return part.english() == null ? -1 : Collections.indexOfSubList(stems, part.english());
    }

    /** Theme ids whose rules match an English text's words, in order of first mention. */
    List<String> matchEnglish(List<EnglishWords.Word> words) {
        List<String> stems = words.stream().map(EnglishWords.Word::stem).toList();
        Map<String, Integer> found = new LinkedHashMap<>();
        for (Theme theme : themes) {
            int first = Integer.MAX_VALUE;
            for (List<Part> rule : theme.rules()) {
                int at = -1;
                for (Part part : rule) {
                    int p = stemPosition(stems, part);
                    if (p < 0) {
                        at = -1;
                        break;
                    }
                    at = Math.max(at, p);
                }
                if (at >= 0) {
                    first = Math.min(first, at);
                }
            }
            if (first < Integer.MAX_VALUE) {
                found.put(theme.id(), first);
            }
        }
        return ordered(found);
    }

    private static List<String> ordered(Map<String, Integer> found) {
        return found.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Where the given themes' keywords occur in a text, for highlighting: Korean words wherever they
     * appear, English keywords as whole words by stem. Overlapping matches keep the earlier one.
     */
    List<AnalysedComment.Highlight> highlights(String text, List<String> themeIds) {
        List<AnalysedComment.Highlight> found = new ArrayList<>();
        String lowered = text.toLowerCase(Locale.ROOT);
        String lower = lowered.length() == text.length() ? lowered : text;
        List<EnglishWords.Word> words = null;
        for (Theme theme : themes) {
            if (!themeIds.contains(theme.id())) {
                continue;
            }
            for (List<Part> rule : theme.rules()) {
                for (Part part : rule) {
                    if (part.korean() != null) {
                        String k = part.korean();
                        for (int at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + k.length())) {
                            found.add(new AnalysedComment.Highlight(at, at + k.length(), theme.id()));
                        }
                        continue;
                    }
                    if (words == null) {
                        words = EnglishWords.analyze(text);
                    }
                    List<String> keyword = part.english();
                    for (int i = 0; i + keyword.size() <= words.size(); i++) {
                        if (matches(words, i, keyword)) {
                            found.add(new AnalysedComment.Highlight(
                                    words.get(i).start(),
                                    words.get(i + keyword.size() - 1).end(),
                                    theme.id()));
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(AnalysedComment.Highlight::start).thenComparingInt(h -> -h.end()));
        List<AnalysedComment.Highlight> kept = new ArrayList<>();
        int end = -1;
        for (AnalysedComment.Highlight h : found) {
            if (h.start() >= end) {
                kept.add(h);
                end = h.end();
            }
        }
        return kept;
    }

    private static boolean matches(List<EnglishWords.Word> words, int from, List<String> keyword) {
        for (int k = 0; k < keyword.size(); k++) {
            if (!words.get(from + k).stem().equals(keyword.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Whether some theme's complete rule already covers a keyphrase (so that discovery does not suggest it). */
    boolean covers(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT);
        String squeezed = lower.replace(" ", "");
        List<String> stems = null;
        for (Theme theme : themes) {
            for (List<Part> rule : theme.rules()) {
                boolean all = true;
                for (Part part : rule) {
                    if (part.korean() != null) {
                        all &= squeezed.contains(part.korean());
                    } else {
                        if (stems == null) {
                            stems = EnglishWords.analyze(lower).stream()
                                    .map(EnglishWords.Word::stem)
                                    .toList();
                        }
                        all &= Collections.indexOfSubList(stems, part.english()) >= 0;
                    }
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }
}
