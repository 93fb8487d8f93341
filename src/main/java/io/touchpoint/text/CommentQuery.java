package io.touchpoint.text;

import java.time.LocalDate;

/**
 * Which analysed comments to list: every filter is optional. Dates are days in the workspace's time
 * zone, {@code to} inclusive; {@code npsMin}/{@code npsMax} filter on the response's NPS answer.
 *
 * @param search words the redacted text must contain (case-insensitive)
 * @param theme  a theme id of the workspace's taxonomy
 * @param page   0-based page number
 * @param size   comments per page, 1 to 100
 */
public record CommentQuery(
        String search,
        String theme,
        Sentiment sentiment,
        Integer npsMin,
        Integer npsMax,
        String language,
        LocalDate from,
        LocalDate to,
        int page,
        int size) {

    public static CommentQuery firstPage() {
        return new CommentQuery(null, null, null, null, null, null, null, null, 0, 20);
    }
}
