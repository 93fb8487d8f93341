package io.touchpoint.text.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped Korean sentiment model (a few hundred thousand weights, trained by
 * {@code scripts/train-sentiment.sh}) with the Korean lexicon, read once on first use.
 */
public final class KoreanBaseModel implements Supplier<LinearSentiment> {

    static final String KOREAN_MODEL = "sentiment_ko.model.gz";

    private static final Logger log = LoggerFactory.getLogger(KoreanBaseModel.class);

    private final KoreanMorphology korean;
    private volatile LinearSentiment model;

    public KoreanBaseModel(KoreanMorphology korean) {
        this.korean = korean;
    }

    @Override
    public LinearSentiment get() {
        LinearSentiment loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    long start = System.nanoTime();
                    loaded = LinearSentiment.of(read(), korean, "ko", KoreanLexicon.shipped());
                    model = loaded;
                    log.info(
                            "Korean sentiment model read: {} weights in {} ms",
                            loaded.model().size(),
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return loaded;
    }

    private static LinearModel read() {
        try (InputStream in =
                Objects.requireNonNull(KoreanBaseModel.class.getResourceAsStream(KOREAN_MODEL), KOREAN_MODEL)) {
            return LinearModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
