package io.touchpoint.feedback;

import io.touchpoint.platform.Ids;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.WriteContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The log of days whose finished answers changed (table {@code answer_changes}, ADR 0024), for
 * readers that keep per-day aggregates of answers (the metrics rollups). While recording is on,
 * every write that finishes a response or erases finished ones adds, in the same transaction, one
 * row per UTC date of the affected responses' finish times; the reader removes the rows it has
 * handled. UTC dates, not the workspace's: the reader maps them onto its own days, so a change of
 * time zone cannot make a logged day name the wrong one. Recording is off until a reader turns it
 * on, so nobody pays for a log that nobody reads.
 */
@Component
public class AnswerChanges {

    /** One logged row: a response finished on this UTC date was added, finished or erased. */
    public record Change(UUID id, UUID workspaceId, LocalDate utcDay) {}

    private volatile boolean recording;

    /** Turns recording on (the reader calls it before it first reads the log). */
    public void startRecording() {
        recording = true;
    }

    public boolean recording() {
        return recording;
    }

    /** Logs the UTC dates of these finish times (nulls skipped) in the caller's write unit. */
    public void recordFinished(WriteContext tx, UUID workspaceId, Collection<Instant> finishedAts) {
        if (!recording) {
            return;
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Instant at : finishedAts) {
            if (at != null) {
                days.add(LocalDate.ofInstant(at, ZoneOffset.UTC));
            }
        }
        insert(tx, workspaceId, days);
    }

    /**
     * Logs the UTC dates of the finished responses of these profiles, in the caller's write unit:
     * before they are erased, or when they moved to another person (a merge or its undoing, which
     * changes whose answers they are for per-person figures such as segments).
     */
    public void recordProfiles(WriteContext tx, UUID workspaceId, Collection<UUID> profileIds) {
        if (!recording || profileIds.isEmpty()) {
            return;
        }
        InList in = InList.of(profileIds);
        List<Instant> finished = new ArrayList<>();
        tx.jdbc()
                .sql("select finished_at from responses where workspace_id = ? and not partial "
                        + "and finished_at is not null and customer_id in (" + in.marks() + ")")
                .params(in.params(workspaceId))
                .query(rs -> {
                    finished.add(Sql.instant(rs, "finished_at"));
                });
        recordFinished(tx, workspaceId, finished);
    }

    private static void insert(WriteContext tx, UUID workspaceId, Collection<LocalDate> days) {
        for (LocalDate day : days) {
            tx.jdbc()
                    .sql("insert into answer_changes (id, workspace_id, day) values (?, ?, ?)")
                    .params(Ids.next(), workspaceId, day)
                    .update();
        }
    }

    /** The logged changes of a workspace, read in the reader's write unit. */
    public static List<Change> pending(WriteContext tx, UUID workspaceId) {
        return tx.jdbc()
                .sql("select id, workspace_id, day from answer_changes where workspace_id = ?")
                .params(workspaceId)
                .query((rs, n) -> new Change(
                        Sql.uuid(rs, "id"), Sql.uuid(rs, "workspace_id"), rs.getObject("day", LocalDate.class)))
                .list();
    }

    /** Removes handled rows, in the reader's write unit (the very rows it read, none logged since). */
    public static void remove(WriteContext tx, Collection<Change> changes) {
        List<UUID> ids = changes.stream().map(Change::id).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            InList in = InList.of(ids.subList(from, Math.min(ids.size(), from + 500)));
            tx.jdbc()
                    .sql("delete from answer_changes where id in (" + in.marks() + ")")
                    .params(List.copyOf(in.values()))
                    .update();
        }
    }

    /** Empties the log (all workspaces): a reader that stops reading it, or rebuilds everything. */
    public static void clear(WriteContext tx) {
        tx.jdbc().sql("delete from answer_changes").update();
    }
}
