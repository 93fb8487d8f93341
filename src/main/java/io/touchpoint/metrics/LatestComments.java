package io.touchpoint.metrics;

import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The newest free-text answers of finished responses, for the overview. */
@Service
public class LatestComments {

    private final Store store;

    LatestComments(Store store) {
        this.store = store;
    }

    public List<Comment> latest(UUID workspaceId, int limit) {
        return store.reads()
                .sql("select r.id, r.finished_at, a.value_text, (select max(s.value_number) from answers s "
                        + "where s.workspace_id = a.workspace_id and s.response_id = a.response_id "
                        + "and s.question_type = 'nps') as nps "
                        + "from answers a join responses r on r.workspace_id = a.workspace_id and r.id = a.response_id "
                        + "where a.workspace_id = ? and a.question_type = 'text' and not r.partial "
                        + "and a.value_text is not null and a.value_text <> '' "
                        + "order by r.finished_at desc, r.id desc limit ?")
                .params(workspaceId, Math.max(1, Math.min(limit, 100)))
                .query((rs, i) -> new Comment(
                        Sql.uuid(rs, "id"),
                        Sql.instant(rs, "finished_at"),
                        rs.getObject("nps") == null ? null : rs.getDouble("nps"),
                        rs.getString("value_text")))
                .list();
    }
}
