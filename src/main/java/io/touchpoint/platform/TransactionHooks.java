package io.touchpoint.platform;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What runs when a write transaction ends in a rollback: code that keeps in-memory knowledge of
 * rows written in the transaction (a cache of the embedded store's single writer) forgets it there.
 * An action registered twice in one transaction runs once. The store calls {@link #committed()} or
 * {@link #rolledBack()} when the transaction ends.
 */
public final class TransactionHooks {

    private final Set<Runnable> onRollback = new LinkedHashSet<>();

    /** Runs the action if the current transaction rolls back (work of a failed group commit included). */
    public void onRollback(Runnable action) {
        onRollback.add(action);
    }

    /** For the store: the transaction committed; the actions are dropped. */
    public void committed() {
        onRollback.clear();
    }

    /** For the store: the transaction rolled back; the actions run, each once. */
    public void rolledBack() {
        Runnable[] actions = onRollback.toArray(Runnable[]::new);
        onRollback.clear();
        for (Runnable action : actions) {
            action.run();
        }
    }
}
