package io.touchpoint.platform;

import java.util.List;

/**
 * A unit of write work that can be applied together with other units of its kind in one call. The
 * embedded store's single writer does this for consecutive units of the same class that it commits
 * in one transaction, so that many small statements become a few large ones; if that transaction
 * fails, each unit is run again alone through {@link #run}.
 */
public interface MergeableWork<T> extends WriteWork<T> {

    /**
     * Applies the given units (all of this one's class, this one among them) with the same effect as
     * running them one after the other in that order.
     *
     * @return each unit's result, in the order of {@code units}
     */
    List<T> runAll(WriteContext tx, List<? extends MergeableWork<T>> units) throws Exception;

    @Override
    default T run(WriteContext tx) throws Exception {
        return runAll(tx, List.of(this)).get(0);
    }
}
