package io.touchpoint.text.internal.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One review of the NSMC files (movie_id, review_id, rating 1–10, text). */
record Nsmc(int rating, String text) {

    static List<Nsmc> read(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(1)
                    .map(line -> line.split("\t", 4))
                    .filter(cols -> cols.length == 4)
                    .map(cols -> new Nsmc(Integer.parseInt(cols[2]), cols[3]))
                    .toList();
        }
    }

    /** Binary label as the NSMC README defines it: 1–4 negative, 9–10 positive, 5–8 left out. */
    boolean binary() {
        return rating <= 4 || rating >= 9;
    }

    boolean positive() {
        return rating >= 9;
    }

    /** Three classes like NPS: 0 negative (1–6), 1 neutral (7–8), 2 positive (9–10). */
    int threeWay() {
        return rating <= 6 ? 0 : rating <= 8 ? 1 : 2;
    }
}
