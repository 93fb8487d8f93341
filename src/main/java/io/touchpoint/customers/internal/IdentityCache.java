package io.touchpoint.customers.internal;

import io.touchpoint.customers.Identity;
import io.touchpoint.platform.StoredKeys;
import io.touchpoint.platform.WriteContext;
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
 * <p>Beside it, per workspace, a Bloom filter of every stored identity ({@link StoredKeys}): an
 * identity it does not contain is certainly new, so a batch whose unknown identities are all new
 * needs no look-up at all (DuckDB has no index for it and reads the workspace's identities). Only
 * the resolver inserts identities, and it tells the filter.
 */
public final class IdentityCache {

    /** An identity's profile as the look-up reads it. */
    record Owner(UUID profileId, UUID rootId, String rootUserId) {}

    /** Written out rather than a record, for the reason {@link Identity} gives. */
    private static final class Key {
        private final UUID workspaceId;
        private final Identity identity;

        Key(UUID workspaceId, Identity identity) {
            this.workspaceId = workspaceId;
            this.identity = identity;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && identity.equals(that.identity) && workspaceId.equals(that.workspaceId);
        }

        @Override
        public int hashCode() {
            return 31 * workspaceId.hashCode() + identity.hashCode();
        }
    }

    private final int capacity;
    private Map<Key, Owner> newer = new HashMap<>();
    private Map<Key, Owner> older = new HashMap<>();
    private final StoredKeys stored =
            new StoredKeys("select kind || ':' || value from identities where workspace_id = ?");

    /** Empties the cache; registered with every transaction that uses it, to run on rollback. */
    final Runnable forget = this::clear;

    public IdentityCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** The identity's owner, or null; one found in the older generation moves to the newer one. */
    Owner get(UUID workspaceId, Identity identity) {
        Key key = new Key(workspaceId, identity);
        Owner owner = newer.get(key);
        if (owner == null) {
            owner = older.get(key);
            if (owner != null) {
                put(key, owner);
            }
        }
        return owner;
    }

    void put(UUID workspaceId, Identity identity, Owner owner) {
        put(new Key(workspaceId, identity), owner);
    }

    private void put(Key key, Owner owner) {
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
        return stored.mayBeStored(tx, workspaceId, text(identity));
    }

    /** The identity was stored (in the current transaction; if it rolls back, a false positive stays). */
    void stored(UUID workspaceId, Identity identity) {
        stored.stored(workspaceId, text(identity));
    }

    /** As the filter's query writes it: the kind's name has no colon. */
    private static String text(Identity identity) {
        return identity.kind().name() + ':' + identity.value();
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
