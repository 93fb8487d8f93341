package io.touchpoint.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Placeholders and parameters for a SQL {@code IN (…)} list, the same on both stores. */
public record InList(String marks, List<?> values) {

    public static InList of(Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("An IN list needs at least one value");
        }
        return new InList(String.join(", ", Collections.nCopies(values.size(), "?")), List.copyOf(values));
    }

    /** The parameters: {@code first} (usually the workspace id) followed by the list's values. */
    public List<Object> params(Object first) {
        List<Object> params = new ArrayList<>(values.size() + 1);
        params.add(first);
        params.addAll(values);
        return params;
    }
}
