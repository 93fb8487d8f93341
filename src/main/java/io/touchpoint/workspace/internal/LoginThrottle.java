package io.touchpoint.workspace.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per account: after {@code freeAttempts} failures in a row, each further
 * attempt is refused until a lockout passes that doubles with every failure, up to a maximum. It
 * counts names that match no user the same way, so the answer never tells whether an account exists.
 */
public final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int freeAttempts;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public LoginThrottle(int freeAttempts, Duration firstLockout, Duration maxLockout) {
        if (freeAttempts < 1) {
            throw new IllegalArgumentException("freeAttempts must be at least 1, was " + freeAttempts);
        }
        this.freeAttempts = freeAttempts;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
    }

    /** How long the account must wait before the next attempt is even checked; zero when it may try now. */
    public Duration waitBefore(String account, Instant now) {
        State state = states.get(account);
        if (state == null || state.lockedUntil == null || !state.lockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, state.lockedUntil);
    }

    public void failed(String account, Instant now) {
        if (states.size() > MAX_TRACKED) {
            states.values().removeIf(s -> s.lockedUntil == null || s.lockedUntil.isBefore(now));
        }
        states.compute(account, (key, old) -> {
            // failures older than the longest lockout are forgotten: a locked account recovers by itself
            boolean stale = old == null || old.lastFailure.plus(maxLockout).isBefore(now);
            int failures = (stale ? 0 : old.failures) + 1;
            Instant lockedUntil = null;
            if (failures >= freeAttempts) {
                lockedUntil = now.plus(lockout(failures - freeAttempts));
            }
            return new State(failures, lockedUntil, now);
        });
    }

    public void succeeded(String account) {
        states.remove(account);
    }

    private Duration lockout(int excess) {
        Duration lockout = firstLockout;
        for (int i = 0; i < excess && lockout.compareTo(maxLockout) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }

    private record State(int failures, Instant lockedUntil, Instant lastFailure) {}
}
