package io.touchpoint.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.customers.Identity;
import io.touchpoint.customers.IdentityKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityCacheTest {

    private final UUID shop = UUID.fromString("01900000-0000-7000-8000-000000000001");
    private final UUID other = UUID.fromString("01900000-0000-7000-8000-000000000002");

    private static IdentityCache.Owner owner(int n) {
        UUID id = new UUID(0x0190_0000_0000_7000L, n);
        return new IdentityCache.Owner(id, id, "u-" + n);
    }

    private static Identity anon(int n) {
        return new Identity(IdentityKind.ANONYMOUS_ID, "a-" + n);
    }

    @Test
    void anIdentityIsKnownPerWorkspaceAndKindUntilCleared() {
        IdentityCache cache = new IdentityCache(10);
        cache.put(shop, anon(1), owner(1));
        assertThat(cache.get(shop, anon(1))).isEqualTo(owner(1));
        assertThat(cache.get(other, anon(1))).isNull();
        assertThat(cache.get(shop, new Identity(IdentityKind.USER_ID, "a-1"))).isNull();
        cache.forget.run();
        assertThat(cache.get(shop, anon(1))).isNull();
    }

    @Test
    void keepsTwoGenerationsOfAtMostItsCapacity() {
        IdentityCache cache = new IdentityCache(3);
        for (int i = 0; i < 6; i++) {
            cache.put(shop, anon(i), owner(i));
        }
        assertThat(cache.size()).isEqualTo(6);
        cache.put(shop, anon(6), owner(6));
        assertThat(cache.size()).isEqualTo(4);
        assertThat(cache.get(shop, anon(2))).isNull();
        assertThat(cache.get(shop, anon(3))).isEqualTo(owner(3));
        assertThat(cache.get(shop, anon(6))).isEqualTo(owner(6));
        // a newer owner replaces what the older generation says
        cache.put(shop, anon(3), owner(30));
        assertThat(cache.get(shop, anon(3))).isEqualTo(owner(30));
    }

    @Test
    void anIdentityReadFromTheOlderGenerationOutlivesTheNextTurnOver() {
        IdentityCache cache = new IdentityCache(2);
        cache.put(shop, anon(0), owner(0));
        cache.put(shop, anon(1), owner(1));
        cache.put(shop, anon(2), owner(2)); // 0 and 1 are now the older generation
        assertThat(cache.get(shop, anon(0))).isEqualTo(owner(0)); // moves to the newer one, now full
        cache.put(shop, anon(3), owner(3)); // the newer one (2, 0) becomes the older one; 1 is forgotten
        assertThat(cache.get(shop, anon(1))).isNull();
        assertThat(cache.get(shop, anon(0))).isEqualTo(owner(0));
        assertThat(cache.get(shop, anon(2))).isEqualTo(owner(2));
    }
}
