package io.touchpoint.text;

import java.util.List;

/** One page of analysed comments, newest first, with the number of comments that match in all. */
public record CommentPage(List<AnalysedComment> items, long total, int page, int size) {

    public CommentPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
