package io.touchpoint.text.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wires the text pipeline. The Korean base model (a few hundred thousand weights) is read on a
 * background thread once the application is ready, so it does not slow the start; a request that
 * needs it earlier waits for it.
 */
@Configuration(proxyBeanMethods = false)
class TextConfiguration {

    static final String KOREAN_MODEL = "sentiment_ko.model.gz";

    private static final Logger log = LoggerFactory.getLogger(TextConfiguration.class);

    @Bean
    KoreanMorphology koreanMorphology() {
        return KoreanMorphology.withDefaultDictionary();
    }

    @Bean
    KoreanBaseModel koreanBaseModel(KoreanMorphology korean) {
        return new KoreanBaseModel(korean);
    }

    @Bean
    TextPipeline textPipeline(KoreanMorphology korean, KoreanBaseModel base) {
        return TextPipeline.shipped(korean, base);
    }

    @Bean
    WorkspaceModels workspaceModels(KoreanMorphology korean) {
        return new WorkspaceModels(korean, KoreanLexicon.shipped());
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp(ApplicationReadyEvent event) {
        KoreanBaseModel base = event.getApplicationContext().getBean(KoreanBaseModel.class);
        Thread loader = new Thread(base::get, "text-model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /** The shipped Korean model, read once on first use. */
    static final class KoreanBaseModel implements Supplier<LinearSentiment> {

        private final KoreanMorphology korean;
        private volatile LinearSentiment model;

        KoreanBaseModel(KoreanMorphology korean) {
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
                    Objects.requireNonNull(TextConfiguration.class.getResourceAsStream(KOREAN_MODEL), KOREAN_MODEL)) {
                return LinearModel.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
