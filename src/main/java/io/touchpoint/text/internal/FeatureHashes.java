package io.touchpoint.text.internal;

import java.util.Arrays;

/**
 * The distinct 64-bit hashes of a text's sentiment features, in the order the features first
 * occur: what {@link LinearModel#logit(FeatureHashes)} needs, without building the features' text.
 * Each hash is {@link LinearModel#hash(String)} of the feature's text, folded character by
 * character as the text would be built. Mutable and reused by one thread for text after text.
 */
final class FeatureHashes {

    private static final int INITIAL = 256;
    /** Above this many features (a text of several thousand characters) the buffers are not kept. */
    private static final int KEPT = 16 * 1024;

    private long[] values = new long[INITIAL];
    /** For each value, its slot, so that clearing touches only the slots in use. */
    private int[] slotOf = new int[INITIAL];

    private int size;
    /** Open addressing, at most half full; 0 marks a free slot, so a hash of 0 is kept apart. */
    private long[] slots = new long[INITIAL * 2];

    private boolean hasZero;
    private int[] codePoints = new int[INITIAL];
    private int codePointCount;

    void clear() {
        if (values.length > KEPT) {
            values = new long[INITIAL];
            slotOf = new int[INITIAL];
            slots = new long[INITIAL * 2];
        } else {
            for (int i = 0; i < size; i++) {
                if (slotOf[i] >= 0) {
                    slots[slotOf[i]] = 0;
                }
            }
        }
        size = 0;
        hasZero = false;
    }

    /** Adds a hash unless it is there already. */
    void add(long hash) {
        if (size == values.length) {
            grow();
        }
        int at = -1;
        if (hash == 0) {
            if (hasZero) {
                return;
            }
            hasZero = true;
        } else {
            int mask = slots.length - 1;
            at = (int) (hash ^ (hash >>> 32)) & mask;
            while (slots[at] != 0) {
                if (slots[at] == hash) {
                    return;
                }
                at = (at + 1) & mask;
            }
            slots[at] = hash;
        }
        values[size] = hash;
        slotOf[size] = at;
        size++;
    }

    int size() {
        return size;
    }

    long get(int index) {
        return values[index];
    }

    /**
     * The code points of a text with a space before and after it, in a buffer reused from text to
     * text: valid up to {@link #codePointCount()}.
     */
    int[] paddedCodePoints(String text) {
        if (codePoints.length < text.length() + 2) {
            codePoints = new int[text.length() + 2];
        } else if (codePoints.length > KEPT && text.length() + 2 <= INITIAL) {
            codePoints = new int[INITIAL];
        }
        int n = 0;
        codePoints[n++] = ' ';
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            codePoints[n++] = cp;
            i += Character.charCount(cp);
        }
        codePoints[n++] = ' ';
        codePointCount = n;
        return codePoints;
    }

    int codePointCount() {
        return codePointCount;
    }

    /** Twice the room, the values put into new slots. */
    private void grow() {
        values = Arrays.copyOf(values, size * 2);
        slotOf = Arrays.copyOf(slotOf, size * 2);
        slots = new long[values.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            long hash = values[i];
            if (hash == 0) {
                slotOf[i] = -1;
                continue;
            }
            int at = (int) (hash ^ (hash >>> 32)) & mask;
            while (slots[at] != 0) {
                at = (at + 1) & mask;
            }
            slots[at] = hash;
            slotOf[i] = at;
        }
    }

    // FNV-1a over UTF-16 chars, as LinearModel.hash: these fold a feature's text piece by piece.

    static final long START = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    static long fold(long hash, char c) {
        return (hash ^ c) * PRIME;
    }

    static long fold(long hash, String text) {
        long h = hash;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * PRIME;
        }
        return h;
    }

    static long foldCodePoint(long hash, int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            return fold(hash, (char) codePoint);
        }
        return fold(fold(hash, Character.highSurrogate(codePoint)), Character.lowSurrogate(codePoint));
    }
}
