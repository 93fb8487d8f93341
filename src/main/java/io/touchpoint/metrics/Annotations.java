package io.touchpoint.metrics;

import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The workspace's annotated changes (date + label), newest first. */
@Service
public class Annotations {

    static final int MAX_LABEL = 120;

    private final Store store;
    private final Clock clock;

    Annotations(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<Annotation> list(UUID workspaceId) {
        return store.reads()
                .sql("select id, on_date, label, created_at from metric_annotations where workspace_id = ? "
                        + "order by on_date desc, created_at desc")
                .params(workspaceId)
                .query((rs, i) -> new Annotation(
                        Sql.uuid(rs, "id"),
                        rs.getObject("on_date", LocalDate.class),
                        rs.getString("label"),
                        Sql.instant(rs, "created_at")))
                .list();
    }

    public Annotation get(UUID workspaceId, UUID id) {
        return list(workspaceId).stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No annotation " + id));
    }

    /** Adds an annotation; the label is trimmed and must have 1 to 120 characters. */
    public Annotation add(UUID workspaceId, LocalDate date, String label) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = label == null ? "" : label.strip();
        if (date == null) {
            problems.add(new FieldProblem("date", "is required, e.g. 2026-11-01"));
        }
        if (text.isEmpty()) {
            problems.add(new FieldProblem("label", "is required"));
        } else if (text.codePointCount(0, text.length()) > MAX_LABEL) {
            problems.add(new FieldProblem("label", "may have at most " + MAX_LABEL + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The annotation is not valid", problems);
        }
        UUID id = Ids.next();
        Instant now = clock.instant();
        store.write(tx -> tx.jdbc()
                .sql(
                        "insert into metric_annotations (workspace_id, id, on_date, label, created_at) values (?, ?, ?, ?, ?)")
                .params(workspaceId, id, date, text, Sql.ts(now))
                .update());
        return new Annotation(id, date, text, now);
    }

    public void delete(UUID workspaceId, UUID id) {
        int deleted = store.write(tx -> tx.jdbc()
                .sql("delete from metric_annotations where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .update());
        if (deleted == 0) {
            throw new NotFoundException("No annotation " + id);
        }
    }
}
