package io.touchpoint.loop.internal;

import io.touchpoint.customers.CustomerDataContributor;
import io.touchpoint.customers.Identity;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The loop's part of a GDPR export (the person's cases and their history) and of an erase. */
@Component
class LoopCustomerData implements CustomerDataContributor {

    private final Store store;
    private final CaseRepository cases;

    LoopCustomerData(Store store, CaseRepository cases) {
        this.store = store;
        this.cases = cases;
    }

    @Override
    public String section() {
        return "loop";
    }

    @Override
    public Object export(UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities) {
        InList in = InList.of(profileIds);
        List<UUID> ids = store.reads()
                .sql("select id from cases where workspace_id = ? and customer_id in (" + in.marks()
                        + ") order by opened_at")
                .params(in.params(workspaceId))
                .query((rs, n) -> Sql.uuid(rs, "id"))
                .list();
        List<Map<String, Object>> section = new ArrayList<>();
        for (UUID id : ids) {
            cases.get(workspaceId, id).ifPresent(k -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("case", k);
                row.put("history", cases.history(workspaceId, id));
                section.add(row);
            });
        }
        return Map.of("cases", section);
    }

    @Override
    public void erase(WriteContext tx, UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities) {
        InList in = InList.of(profileIds);
        String ofPerson = "select id from cases where workspace_id = ? and customer_id in (" + in.marks() + ")";
        for (String table : List.of("case_history", "loop_mail")) {
            tx.jdbc()
                    .sql("delete from " + table + " where workspace_id = ? and case_id in (" + ofPerson + ")")
                    .params(twice(workspaceId, in))
                    .update();
        }
        for (String table : List.of("cases", "rule_firings")) {
            tx.jdbc()
                    .sql("delete from " + table + " where workspace_id = ? and customer_id in (" + in.marks() + ")")
                    .params(in.params(workspaceId))
                    .update();
        }
    }

    private static List<Object> twice(UUID workspaceId, InList in) {
        List<Object> params = new ArrayList<>();
        params.add(workspaceId);
        params.addAll(in.params(workspaceId));
        return params;
    }
}
