package io.touchpoint.workspace.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Password sign-in with the {@link LoginThrottle} in front of it. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final Clock clock;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, Clock clock) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = authentication.getName() == null
                ? ""
                : authentication.getName().trim().toLowerCase(Locale.ROOT);
        Duration wait = throttle.waitBefore(account, clock.instant());
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(account);
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(account, clock.instant());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
