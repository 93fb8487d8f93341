package io.touchpoint.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A CSV import as it runs: how many rows there are, how many were processed and imported, and a
 * report of every row that was refused and why.
 *
 * @param kind   customers or orders
 * @param status running, done or failed
 */
public record ImportJob(
        UUID id,
        String kind,
        String fileName,
        String status,
        int rows,
        int processed,
        int imported,
        List<RowError> errors,
        Instant startedAt,
        Instant finishedAt,
        String failure) {

    /** A refused row: its line number in the file (header = line 1) and the reasons. */
    public record RowError(int line, List<String> errors) {}

    public int percent() {
        return rows == 0 ? ("running".equals(status) ? 0 : 100) : (int) Math.round(100.0 * processed / rows);
    }
}
