package io.touchpoint.customers.internal;

import io.touchpoint.customers.Merge;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.WriteContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Undoes a merge: the merged profile, and every profile that had been merged into it, stand on their
 * own again. Messages, identities and traits never moved (they belong to the profile that received
 * them), so resetting the pointers restores both people exactly.
 */
public final class Unmerging {

    private Unmerging() {}

    /** An undone merge and the profiles it gave back to the merged person (that one included). */
    public record Undone(Merge merge, List<UUID> regrouped) {}

    public static Undone undo(WriteContext tx, UUID workspaceId, UUID mergeId, Instant now) {
        Merge merge = tx.jdbc()
                .sql("select id, survivor_id, merged_id, reason, merged_at, undone_at from merges "
                        + "where workspace_id = ? and id = ?")
                .params(workspaceId, mergeId)
                .query((rs, n) -> new Merge(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "survivor_id"),
                        Sql.uuid(rs, "merged_id"),
                        rs.getString("reason"),
                        Sql.instant(rs, "merged_at"),
                        Sql.instant(rs, "undone_at")))
                .optional()
                .orElseThrow(() -> new NotFoundException("No merge " + mergeId));
        if (merge.undoneAt() != null) {
            throw new InvalidInputException("merge", "was already undone at " + merge.undoneAt());
        }
        UUID root = tx.jdbc()
                .sql("select root_id from customers where workspace_id = ? and id = ?")
                .params(workspaceId, merge.merged())
                .query((rs, n) -> Sql.uuid(rs, "root_id"))
                .single();
        Map<UUID, List<UUID>> children = new HashMap<>();
        tx.jdbc()
                .sql("select id, merged_into from customers where workspace_id = ? and root_id = ?")
                .params(workspaceId, root)
                .query(rs -> {
                    UUID parent = Sql.uuid(rs, "merged_into");
                    if (parent != null) {
                        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(Sql.uuid(rs, "id"));
                    }
                });
        List<UUID> subtree = new ArrayList<>();
        List<UUID> pending = new ArrayList<>(List.of(merge.merged()));
        while (!pending.isEmpty()) {
            UUID next = pending.remove(pending.size() - 1);
            subtree.add(next);
            pending.addAll(children.getOrDefault(next, List.of()));
        }
        tx.jdbc()
                .sql("update customers set merged_into = null where workspace_id = ? and id = ?")
                .params(workspaceId, merge.merged())
                .update();
        InList in = InList.of(subtree);
        List<Object> params = new ArrayList<>();
        params.add(merge.merged());
        params.addAll(in.params(workspaceId));
        tx.jdbc()
                .sql("update customers set root_id = ? where workspace_id = ? and id in (" + in.marks() + ")")
                .params(params)
                .update();
        tx.jdbc()
                .sql("update merges set undone_at = ? where workspace_id = ? and id = ?")
                .params(Sql.ts(now), workspaceId, mergeId)
                .update();
        return new Undone(
                new Merge(merge.id(), merge.survivor(), merge.merged(), merge.reason(), merge.mergedAt(), now),
                List.copyOf(subtree));
    }
}
