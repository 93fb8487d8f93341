package io.touchpoint.platform;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Per workspace, a Bloom filter of the keys one table holds (Guava's, 0.1 % false positives, 180 KB
 * for 100,000 keys), for the embedded store's single writer: a key the filter does not contain is
 * certainly not stored, so the writer need not look for it (DuckDB has no index for a list of
 * keys and would read the table). Loaded by one read of the workspace's keys at the first question
 * about the workspace, told of every key stored since, and loaded again twice as large once more
 * keys were added than it was sized for. Never emptied: a key deleted since, or added by a
 * transaction that rolled back, stays as a false positive, which only costs a look-up. Correct only
 * while every insert into the table goes through code that calls {@link #stored}. Used by the writer
 * thread only.
 */
public final class StoredKeys {

    /** The smallest filter. */
    static final long MIN_EXPECTED = 100_000;

    private final String keysOfWorkspace;
    private final Map<UUID, Filter> filters = new HashMap<>();

    /**
     * @param keysOfWorkspace a query with one parameter, the workspace id, whose rows have one column:
     *     every key stored in the workspace, in the form later passed to {@link #mayBeStored}
     */
    public StoredKeys(String keysOfWorkspace) {
        this.keysOfWorkspace = keysOfWorkspace;
    }

    /** Whether the key may be stored; false means certainly not. Loads the workspace's keys the first time. */
    public boolean mayBeStored(WriteContext tx, UUID workspaceId, String key) {
        Filter filter = filters.get(workspaceId);
        if (filter == null) {
            filter = load(tx, workspaceId);
        }
        return filter.bloom.mightContain(key);
    }

    /** The key is being stored (in the current transaction). */
    public void stored(UUID workspaceId, String key) {
        Filter filter = filters.get(workspaceId);
        if (filter == null) {
            return; // loaded from the store when first asked
        }
        filter.bloom.put(key);
        if (++filter.count > filter.expected) {
            filters.remove(workspaceId); // too full for its error rate: loaded again, larger
        }
    }

    private Filter load(WriteContext tx, UUID workspaceId) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        tx.jdbc().sql(keysOfWorkspace).param(workspaceId).query(rs -> {
            keys.add(rs.getString(1));
        });
        Filter filter = new Filter(Math.max(MIN_EXPECTED, keys.size() * 2L));
        for (String key : keys) {
            filter.bloom.put(key);
        }
        filter.count = keys.size();
        filters.put(workspaceId, filter);
        return filter;
    }

    private static final class Filter {
        final BloomFilter<CharSequence> bloom;
        final long expected;
        long count;

        Filter(long expected) {
            this.expected = expected;
            this.bloom = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), expected, 0.001);
        }
    }
}
