package io.touchpoint.events.internal;

import java.util.UUID;

/**
 * 64-bit fingerprints of the messageIds the embedded store's writer stored lately, so that a batch
 * of new messages needs no look at the stored ones: a message whose fingerprint is not here is
 * appended, and the events table's key catches the rare copy stored earlier (see
 * {@link IngestionWriter}). A fingerprint that is here only says "maybe": those few messages are
 * looked up. So neither a coincidence of fingerprints nor a row erased or rolled back since can
 * lose or double a message; they only cost a look-up. Two generations of at most {@code capacity}
 * each (16 bytes a fingerprint at most, in two arrays): when the newer one is full it becomes the
 * older one and the oldest are forgotten. Used by the writer thread only.
 */
final class RecentMessageIds {

    private final int capacity;
    private Generation newer;
    private Generation older;

    RecentMessageIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.newer = new Generation(capacity);
        this.older = new Generation(capacity);
    }

    boolean mightContain(UUID workspaceId, String messageId) {
        return mightContain(fingerprint(workspaceId, messageId));
    }

    /** @param key the message's {@link #fingerprint} (which the receiving thread computes) */
    boolean mightContain(long key) {
        return newer.contains(key) || older.contains(key);
    }

    void add(UUID workspaceId, String messageId) {
        add(fingerprint(workspaceId, messageId));
    }

    void add(long key) {
        if (newer.contains(key)) {
            return;
        }
        if (newer.size == capacity) {
            older = newer;
            newer = new Generation(capacity);
        }
        newer.add(key);
    }

    int capacity() {
        return capacity;
    }

    int size() {
        return newer.size + older.size;
    }

    /** An open-addressing set of fingerprints (linear probing, at most half full; 0 marks a free slot). */
    private static final class Generation {
        private final long[] slots;
        private final int mask;
        private int size;

        Generation(int capacity) {
            int length = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
            slots = new long[length];
            mask = length - 1;
        }

        boolean contains(long key) {
            long k = key == 0 ? 1 : key;
            for (int i = (int) k & mask; ; i = (i + 1) & mask) {
                if (slots[i] == k) {
                    return true;
                }
                if (slots[i] == 0) {
                    return false;
                }
            }
        }

        void add(long key) {
            long k = key == 0 ? 1 : key;
            int i = (int) k & mask;
            while (slots[i] != 0) {
                if (slots[i] == k) {
                    return;
                }
                i = (i + 1) & mask;
            }
            slots[i] = k;
            size++;
        }
    }

    /** FNV-1a over the workspace id and the message's characters, then a final mix (SplitMix64's). */
    static long fingerprint(UUID workspaceId, String messageId) {
        long h =
                0xcbf29ce484222325L ^ workspaceId.getMostSignificantBits() * 31 ^ workspaceId.getLeastSignificantBits();
        for (int i = 0; i < messageId.length(); i++) {
            h ^= messageId.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ h >>> 31;
    }
}
