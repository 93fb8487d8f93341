package io.touchpoint.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/** UI language selection: {@code ?lang=ko} switches and remembers the language. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new UiLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        Locale chosen = UiLocaleResolver.supported(request.getParameter("lang"));
                        if (chosen != null) {
                            LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                            if (resolver != null) {
                                resolver.setLocale(request, response, chosen);
                            }
                        }
                        return true;
                    }
                })
                // survey pages speak the survey's language, chosen by their own ?lang=, and set no cookie
                .excludePathPatterns("/v1/**", "/api/**", "/s/**", "/surveys/*/preview");
    }
}
