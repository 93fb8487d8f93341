package io.touchpoint.text.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Named themes (delivery, price, quality …), each with Korean and English keywords, matched against
 * the nouns of a Korean comment or the word stems of an English one.
 */
final class ThemeTaxonomy {

    static final String RESOURCE = "themes.tsv";

    /** A theme with its Korean keywords and its English keywords as lists of stems. */
    record Theme(String id, String nameEn, String nameKo, List<String> korean, List<List<String>> english) {}

    private final List<Theme> themes;

    ThemeTaxonomy(List<Theme> themes) {
        this.themes = List.copyOf(themes);
    }

    static ThemeTaxonomy shipped() {
        List<Theme> themes = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ThemeTaxonomy.class.getResourceAsStream(RESOURCE), RESOURCE),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                List<String> korean = new ArrayList<>();
                List<List<String>> english = new ArrayList<>();
                for (String keyword : cols[3].split(",")) {
                    String k = keyword.strip().toLowerCase(Locale.ROOT);
                    if (k.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)) {
                        korean.add(k);
                    } else if (!k.isEmpty()) {
                        english.add(Arrays.asList(EnglishWords.stem(k).split(" ")));
                    }
                }
                themes.add(new Theme(cols[0], cols[1], cols[2], korean, english));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ThemeTaxonomy(themes);
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
}
