package io.touchpoint.workspace.internal;

import io.touchpoint.platform.Problems;
import io.touchpoint.platform.TouchpointProperties;
import io.touchpoint.workspace.ApiKeyKind;
import io.touchpoint.workspace.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what. API paths take keys and are stateless; the UI signs users in with a password,
 * a session cookie and CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
        "/login",
        "/s/**",
        "/css/**",
        "/js/**",
        "/img/**",
        "/webjars/**",
        "/favicon.ico",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/api/docs",
        "/api/docs/**",
        "/api/docs.yaml",
        "/error",
        "/error/**"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for new hashes; bcrypt hashes (if any were imported) still verify.
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    @Bean
    UserDetailsService userDetailsService(UserRepository users) {
        return email -> users.findForLogin(email).orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Bean
    LoginThrottle loginThrottle(TouchpointProperties properties) {
        var security = properties.security();
        return new LoginThrottle(security.freeLoginAttempts(), security.firstLockout(), security.maxLockout());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeyAuthenticator authenticator) throws Exception {
        http.securityMatcher("/v1/**", "/api/v1/**")
                .cors(cors -> cors.configurationSource(publicApiCors()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(authenticator), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/v1/**")
                        .hasAnyAuthority(ApiKeyKind.WRITE.authority(), ApiKeyKind.SECRET.authority())
                        .anyRequest()
                        .hasAuthority(ApiKeyKind.SECRET.authority()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"touchpoint\"");
                            Problems.write(
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    "An API key is required: Authorization: Bearer <secret key>, or HTTP Basic with a write key",
                                    request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, e) -> Problems.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                "This key may not use this endpoint: public write keys may only ingest events and answer surveys",
                                request.getRequestURI())));
        return http.build();
    }

    /**
     * The public API ({@code /v1/**}: ingestion and the survey widget) is called from shops' own
     * pages, on their own domains: any origin may call it, without cookies (the write key travels in
     * the Authorization header). {@code /api/v1/**} takes secret keys, which never belong in a
     * browser, so it gets no CORS headers and browsers refuse cross-origin calls to it.
     */
    static CorsConfigurationSource publicApiCors() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin(CorsConfiguration.ALL);
        cors.setAllowCredentials(false);
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/v1/**", cors);
        return source;
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(
            HttpSecurity http,
            UserDetailsService users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            Clock clock)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        AuthenticationManager manager =
                new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, clock));

        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LoginThrottledException.class.getName(), "/login?throttled"));

        http.authenticationManager(manager)
                // hosted survey pages are answered by anonymous respondents; their forms carry a
                // signed link or response reference instead of a session's CSRF token
                .csrf(csrf -> csrf.ignoringRequestMatchers("/s/**"))
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers("/settings/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failures))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }
}
