package io.touchpoint.customers.internal;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.touchpoint.customers.Identity;
import io.touchpoint.platform.WriteContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the embedded store's single writer knows about identities it looked up or stored lately:
 * the profile each belongs to, that profile's person (root) and the person's user id, as the
 * identity look-up would read them. Only the writer thread uses it, and only on the embedded store,
 * where every change to profiles and identities runs on that thread: resolutions keep it current
 * (a resolution that merges profiles or gives a profile a user id empties it instead), undoing a
 * merge and erasing a person empty it, and so does a rolled-back transaction, so it never holds a
 * row that is not stored. Two generations of at most {@code capacity} identities each: when the
 * newer one is full it becomes the older one and the oldest are forgotten; a forgotten identity is
 * read from the store again.
 *
 * <p>Beside it, per workspace, a Bloom filter of every stored identity (Guava's, 0.1 % false
 * positives): an identity it does not contain is certainly new, so a batch whose unknown identities
 * are all new needs no look-up at all (DuckDB has no index for it and reads the workspace's
 * identities). Loaded from the store at the writer's first resolution in the workspace, told of
 * every identity stored since, never emptied (an erased identity is a false positive, which costs a
 * look-up), and loaded again, twice as large, when more identities were added than it was sized for.
 */
public final class IdentityCache {

    /** An identity's profile as the look-up reads it. */
    record Owner(UUID profileId, UUID rootId, String rootUserId) {}

    private record Key(UUID workspaceId, Identity identity) {}

    /** A workspace's filter and how many identities it holds and was sized for. */
    private static final class Stored {
        final BloomFilter<CharSequence> filter;
        final long expected;
        long count;

        Stored(long expected) {
            this.expected = expected;
            this.filter = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), expected, 0.001);
        }
    }

    /** The smallest filter: 100,000 identities in 180 KB. */
    static final long MIN_EXPECTED = 100_000;

    private final int capacity;
    private Map<Key, Owner> newer = new HashMap<>();
    private Map<Key, Owner> older = new HashMap<>();
    private final Map<UUID, Stored> stored = new HashMap<>();

    /** Empties the cache; registered with every transaction that uses it, to run on rollback. */
    final Runnable forget = this::clear;

    public IdentityCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    Owner get(UUID workspaceId, Identity identity) {
        Key key = new Key(workspaceId, identity);
        Owner owner = newer.get(key);
        return owner != null ? owner : older.get(key);
    }

    void put(UUID workspaceId, Identity identity, Owner owner) {
        Key key = new Key(workspaceId, identity);
        if (newer.size() >= capacity && !newer.containsKey(key)) {
            older = newer;
            newer = new HashMap<>();
        }
        newer.put(key, owner);
    }

    /**
     * Whether the identity may be stored in the workspace; false means certainly not. Reads the
     * workspace's identities, inside the caller's transaction, the first time.
     */
    boolean mayBeStored(WriteContext tx, UUID workspaceId, Identity identity) {
        Stored known = stored.get(workspaceId);
        if (known == null) {
            known = load(tx, workspaceId);
        }
        return known.filter.mightContain(text(identity));
    }

    /** The identity was stored (in the current transaction; if it rolls back, a false positive stays). */
    void stored(UUID workspaceId, Identity identity) {
        Stored known = stored.get(workspaceId);
        if (known == null) {
            return; // loaded from the store when first needed
        }
        known.filter.put(text(identity));
        if (++known.count > known.expected) {
            stored.remove(workspaceId); // too full for its error rate: loaded again, larger
        }
    }

    private Stored load(WriteContext tx, UUID workspaceId) {
        long count = tx.jdbc()
                .sql("select count(*) from identities where workspace_id = ?")
                .params(workspaceId)
                .query(Long.class)
                .single();
        Stored known = new Stored(Math.max(MIN_EXPECTED, count * 2));
        tx.jdbc()
                .sql("select kind, value from identities where workspace_id = ?")
                .params(workspaceId)
                .query(rs -> {
                    known.filter.put(rs.getString("kind") + '\u0000' + rs.getString("value"));
                    known.count++;
                });
        stored.put(workspaceId, known);
        return known;
    }

    private static String text(Identity identity) {
        return identity.kind().name() + '\u0000' + identity.value();
    }

    /**
     * Forgets every identity's owner: profiles or identities changed in a way the cache does not
     * follow. The filters of stored identities stay (they only ever over-report).
     */
    public void clear() {
        newer = new HashMap<>();
        older = new HashMap<>();
    }

    int size() {
        return newer.size() + older.size();
    }
}
