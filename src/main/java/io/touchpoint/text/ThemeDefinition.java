package io.touchpoint.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One theme of a workspace's taxonomy as analysts edit it: a stable id, its English and Korean
 * names, and its keywords in both languages (Korean keywords match nouns and nouns that contain
 * them; English keywords match word stems, phrases word by word).
 */
public record ThemeDefinition(String id, String nameEn, String nameKo, List<String> keywords) {

    public ThemeDefinition {
        // not List.copyOf: a null keyword from a request must reach validation, not throw here
        keywords = keywords == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(keywords));
    }

    /** The name in the given language (Korean for {@code ko}, English otherwise). */
    public String name(String language) {
        return "ko".equals(language) ? nameKo : nameEn;
    }
}
