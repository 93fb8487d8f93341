package io.touchpoint.text.internal;

import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.text.ThemeDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a theme taxonomy must look like before it is stored; every problem is named by its field. */
public final class TaxonomyRules {

    public static final int MAX_THEMES = 100;
    public static final int MAX_KEYWORDS = 200;
    private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,40}");

    private TaxonomyRules() {}

    /**
     * Trims names and keywords, drops empty and repeated keywords, and checks the rest.
     *
     * @throws InvalidInputException naming each failing field ({@code themes[2].keywords[0]} …)
     */
    public static List<ThemeDefinition> check(List<ThemeDefinition> themes) {
        List<FieldProblem> problems = new ArrayList<>();
        if (themes == null) {
            throw new InvalidInputException("themes", "is required: a list of themes");
        }
        if (themes.size() > MAX_THEMES) {
            throw new InvalidInputException("themes", "must hold at most " + MAX_THEMES + " themes");
        }
        Set<String> ids = new HashSet<>();
        List<ThemeDefinition> clean = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            String at = "themes[" + i + "]";
            ThemeDefinition theme = themes.get(i);
            if (theme == null) {
                problems.add(new FieldProblem(at, "must be a theme, not null"));
                continue;
            }
            if (theme.id() == null || !ID.matcher(theme.id()).matches()) {
                problems.add(new FieldProblem(at + ".id", "must be 1 to 40 of a-z, 0-9 and _"));
            } else if (!ids.add(theme.id())) {
                problems.add(new FieldProblem(at + ".id", "is used by another theme: " + theme.id()));
            }
            String nameEn = name(theme.nameEn(), at + ".nameEn", problems);
            String nameKo = name(theme.nameKo(), at + ".nameKo", problems);
            List<String> keywords = new ArrayList<>();
            if (theme.keywords().isEmpty()) {
                problems.add(new FieldProblem(at + ".keywords", "must hold at least one keyword"));
            } else if (theme.keywords().size() > MAX_KEYWORDS) {
                problems.add(new FieldProblem(at + ".keywords", "must hold at most " + MAX_KEYWORDS + " keywords"));
            }
            for (int k = 0; k < theme.keywords().size(); k++) {
                String keyword = theme.keywords().get(k);
                String field = at + ".keywords[" + k + "]";
                if (keyword == null || keyword.isBlank()) {
                    problems.add(new FieldProblem(field, "must not be empty"));
                    continue;
                }
                String k2 = keyword.strip().replaceAll("\\s+", " ");
                if (k2.length() > 60) {
                    problems.add(new FieldProblem(field, "must be at most 60 characters"));
                } else if (k2.contains(",")) {
                    problems.add(new FieldProblem(field, "must not contain a comma; give each keyword apart"));
                } else if (!k2.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    problems.add(new FieldProblem(field, "must contain a letter or digit"));
                } else if (!keywords.contains(k2)) {
                    keywords.add(k2);
                }
            }
            clean.add(new ThemeDefinition(theme.id(), nameEn, nameKo, keywords));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The taxonomy is not valid", problems);
        }
        return clean;
    }

    private static String name(String name, String field, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem(field, "must not be empty"));
            return name;
        }
        String stripped = name.strip();
        if (stripped.length() > 80) {
            problems.add(new FieldProblem(field, "must be at most 80 characters"));
        }
        return stripped;
    }
}
