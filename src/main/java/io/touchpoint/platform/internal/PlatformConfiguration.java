package io.touchpoint.platform.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure beans. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Every module reads time from this clock, so tests can pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
