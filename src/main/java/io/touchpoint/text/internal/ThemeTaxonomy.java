package io.touchpoint.text.internal;

import io.touchpoint.text.AnalysedComment;
import io.touchpoint.text.ThemeDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Named themes (delivery, price, quality …), each with Korean and English keywords, matched against
 * the nouns of a Korean comment or the word stems of an English one.
 */
public final class ThemeTaxonomy {

    static final String RESOURCE = "themes.tsv";

    /** A theme with its Korean keywords and its English keywords as lists of stems. */
    record Theme(String id, String nameEn, String nameKo, List<String> korean, List<List<String>> english) {}

    private final List<Theme> themes;

    ThemeTaxonomy(List<Theme> themes) {
        this.themes = List.copyOf(themes);
    }

    static ThemeTaxonomy shipped() {
        return of(shippedDefinitions());
    }

    /** The default taxonomy every workspace starts from. */
    static List<ThemeDefinition> shippedDefinitions() {
        List<ThemeDefinition> definitions = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ThemeTaxonomy.class.getResourceAsStream(RESOURCE), RESOURCE),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return definitions;
    }

    /** A taxonomy of the given themes, their keywords sorted into Korean words and English stems. */
    static ThemeTaxonomy of(List<ThemeDefinition> definitions) {
        List<Theme> themes = new ArrayList<>();
        for (ThemeDefinition definition : definitions) {
            List<String> korean = new ArrayList<>();
            List<List<String>> english = new ArrayList<>();
            for (String keyword : definition.keywords()) {
                String k = keyword.strip().toLowerCase(Locale.ROOT);
                if (isKorean(k)) {
                    korean.add(k.replace(" ", ""));
                } else if (!k.isEmpty()) {
                    english.add(Arrays.asList(EnglishWords.stem(k).split(" ")));
                }
            }
            themes.add(new Theme(definition.id(), definition.nameEn(), definition.nameKo(), korean, english));
        }
        return new ThemeTaxonomy(themes);
    }

    static boolean isKorean(String keyword) {
        return keyword.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }

    List<Theme> themes() {
        return themes;
    }

    /** Theme ids whose keywords occur among a Korean text's morphemes, in order of first mention. */
    List<String> matchKorean(List<Morph> morphs) {
        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> latinStems = new ArrayList<>();
        for (int i = 0; i < morphs.size(); i++) {
            Morph m = morphs.get(i);
            if (m.tag().equals("SL")) {
                latinStems.add(EnglishWords.stem(m.term()));
                continue;
            }
            if (!m.isNoun()) {
                continue;
            }
            for (Theme theme : themes) {
                for (String keyword : theme.korean()) {
                    if (m.term().equals(keyword)
                            || (keyword.length() >= 2 && m.term().contains(keyword))) {
                        found.putIfAbsent(theme.id(), m.start());
                    }
                }
            }
        }
        for (String theme : matchStems(latinStems)) {
            found.putIfAbsent(theme, Integer.MAX_VALUE);
        }
        return found.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Theme ids whose keywords occur among an English text's words, in order of first mention. */
    List<String> matchEnglish(List<EnglishWords.Word> words) {
        return matchStems(words.stream().map(EnglishWords.Word::stem).toList());
    }

    private List<String> matchStems(List<String> stems) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < stems.size(); i++) {
            for (Theme theme : themes) {
                for (List<String> keyword : theme.english()) {
                    if (i + keyword.size() <= stems.size()
                            && stems.subList(i, i + keyword.size()).equals(keyword)) {
                        found.putIfAbsent(theme.id(), i);
                    }
                }
            }
        }
        return found.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Where the given themes' keywords occur in a text, for highlighting: Korean keywords wherever
     * they appear (as they match nouns that contain them), English keywords as whole words by stem.
     * Overlapping matches keep the earlier one.
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
            for (String keyword : theme.korean()) {
                for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + keyword.length())) {
                    found.add(new AnalysedComment.Highlight(at, at + keyword.length(), theme.id()));
                }
            }
            if (!theme.english().isEmpty()) {
                if (words == null) {
                    words = EnglishWords.analyze(text);
                }
                for (int i = 0; i < words.size(); i++) {
                    for (List<String> keyword : theme.english()) {
                        if (i + keyword.size() <= words.size() && matches(words, i, keyword)) {
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

    /** Whether some theme's keyword already covers a keyphrase (so that discovery does not suggest it). */
    boolean covers(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT);
        String squeezed = lower.replace(" ", "");
        List<String> stems = null;
        for (Theme theme : themes) {
            for (String keyword : theme.korean()) {
                if (squeezed.contains(keyword)) {
                    return true;
                }
            }
            if (!theme.english().isEmpty()) {
                if (stems == null) {
                    stems = EnglishWords.analyze(lower).stream()
                            .map(EnglishWords.Word::stem)
                            .toList();
                }
                for (List<String> keyword : theme.english()) {
                    if (java.util.Collections.indexOfSubList(stems, keyword) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
