package io.touchpoint.workspace.internal;

import io.touchpoint.workspace.ApiCaller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Resolves a presented key to its workspace. Ingestion calls arrive thousands of times a second,
 * so results are cached briefly; a revocation on this node takes effect at once, on other nodes
 * within {@link #TTL}.
 */
@Component
public class ApiKeyAuthenticator {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiKeyAuthenticator(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public Optional<ApiCaller> authenticate(String plaintext) {
        if (plaintext == null || plaintext.isBlank() || plaintext.length() > 512) {
            return Optional.empty();
        }
        String hash = ApiKeyCodec.hash(plaintext);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.expires.isAfter(now)) {
            return cached.caller;
        }
        Optional<ApiCaller> caller = keys.findActiveByHash(hash);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(hash, new Cached(caller, now.plus(TTL)));
        return caller;
    }

    public void forgetAll() {
        cache.clear();
    }

    private record Cached(Optional<ApiCaller> caller, Instant expires) {}
}
