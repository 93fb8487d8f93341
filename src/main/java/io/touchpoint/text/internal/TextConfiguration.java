package io.touchpoint.text.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wires the text pipeline. The Korean base model is read on a background thread once the
 * application is ready, so it does not slow the start; a request that needs it earlier waits for it.
 */
@Configuration(proxyBeanMethods = false)
class TextConfiguration {

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
}
