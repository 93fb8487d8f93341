package io.touchpoint.workspace.internal;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Sign-in refused before checking the password because of recent failures. */
class LoginThrottledException extends LockedException {

    private final transient Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed sign-in attempts");
        this.wait = wait;
    }

    Duration retryAfter() {
        return wait;
    }
}
