package io.touchpoint.customers.internal;

import io.touchpoint.customers.CustomerProfile;
import io.touchpoint.customers.CustomerSummary;
import io.touchpoint.customers.Identity;
import io.touchpoint.customers.IdentityKind;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Read models of the customers module, as plain SQL that runs on DuckDB and PostgreSQL alike. */
@Component
public class CustomerReads {

    private final Store store;

    CustomerReads(Store store) {
        this.store = store;
    }

    public Optional<UUID> rootOf(UUID workspaceId, IdentityKind kind, String raw) {
        String value = kind.normalize(raw);
        if (value == null) {
            return Optional.empty();
        }
        return store.reads()
                .sql("select c.root_id from identities i join customers c on c.workspace_id = i.workspace_id "
                        + "and c.id = i.customer_id where i.workspace_id = ? and i.kind = ? and i.value = ?")
                .params(workspaceId, kind.name(), value)
                .query((rs, n) -> Sql.uuid(rs, "root_id"))
                .optional();
    }

    public List<UUID> group(UUID workspaceId, UUID rootId) {
        return store.reads()
                .sql("select id from customers where workspace_id = ? and root_id = ? order by id")
                .params(workspaceId, rootId)
                .query((rs, n) -> Sql.uuid(rs, "id"))
                .list();
    }

    public long count(UUID workspaceId) {
        return store.reads()
                .sql("select count(*) from customers where workspace_id = ? and merged_into is null")
                .param(workspaceId)
                .query(Long.class)
                .single();
    }

    public Optional<CustomerProfile> profile(UUID workspaceId, UUID rootId) {
        List<UUID> group = group(workspaceId, rootId);
        if (group.isEmpty()) {
            return Optional.empty();
        }
        String userId = store.reads()
                .sql("select user_id from customers where workspace_id = ? and id = ?")
                .params(workspaceId, rootId)
                .query(String.class)
                .optional()
                .orElse(null);
        InList in = InList.of(group);
        Map<String, Object> traits = new LinkedHashMap<>();
        store.reads()
                .sql("select name, value from (select name, value, row_number() over (partition by name "
                        + "order by observed_at desc, message_id desc) as rn from trait_history where workspace_id = ? "
                        + "and customer_id in (" + in.marks() + ")) latest where rn = 1 order by name")
                .params(in.params(workspaceId))
                .query(rs -> {
                    traits.put(
                            rs.getString("name"),
                            Json.MAPPER.treeToValue(Json.read(rs.getString("value")), Object.class));
                });
        var seen = store.reads()
                .sql("select min(ts) as first_seen, max(ts) as last_seen from events where workspace_id = ? "
                        + "and customer_id in (" + in.marks() + ")")
                .params(in.params(workspaceId))
                .query((rs, n) -> new java.time.Instant[] {Sql.instant(rs, "first_seen"), Sql.instant(rs, "last_seen")})
                .single();
        List<String> channels = store.reads()
                .sql("select distinct channel from events where workspace_id = ? and customer_id in (" + in.marks()
                        + ") order by channel")
                .params(in.params(workspaceId))
                .query(String.class)
                .list();
        List<CustomerProfile.Consent> consents = store.reads()
                .sql("select channel, granted, source, observed_at from (select channel, granted, source, observed_at, "
                        + "row_number() over (partition by channel order by observed_at desc) as rn from consents "
                        + "where workspace_id = ? and customer_id in (" + in.marks() + ")) latest where rn = 1 "
                        + "order by channel")
                .params(in.params(workspaceId))
                .query((rs, n) -> new CustomerProfile.Consent(
                        rs.getString("channel"),
                        rs.getBoolean("granted"),
                        rs.getString("source"),
                        Sql.instant(rs, "observed_at")))
                .list();
        List<UUID> merged = group.stream().filter(id -> !id.equals(rootId)).toList();
        return Optional.of(new CustomerProfile(
                rootId, userId, traits, identities(workspaceId, group), seen[0], seen[1], channels, consents, merged));
    }

    public List<Identity> identities(UUID workspaceId, Collection<UUID> group) {
        InList in = InList.of(group);
        return store.reads()
                .sql("select kind, value from identities where workspace_id = ? and customer_id in (" + in.marks()
                        + ") order by kind, value")
                .params(in.params(workspaceId))
                .query((rs, n) -> new Identity(IdentityKind.valueOf(rs.getString("kind")), rs.getString("value")))
                .list();
    }

    public List<Map<String, Object>> traitHistory(UUID workspaceId, Collection<UUID> group) {
        InList in = InList.of(group);
        return store.reads()
                .sql("select name, value, message_id, observed_at from trait_history where workspace_id = ? "
                        + "and customer_id in (" + in.marks() + ") order by observed_at, name")
                .params(in.params(workspaceId))
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", rs.getString("name"));
                    row.put("value", Json.MAPPER.treeToValue(Json.read(rs.getString("value")), Object.class));
                    row.put("messageId", rs.getString("message_id"));
                    row.put("observedAt", Sql.instant(rs, "observed_at"));
                    return row;
                })
                .list();
    }

    public List<Map<String, Object>> merges(UUID workspaceId, Collection<UUID> group) {
        InList in = InList.of(group);
        List<Object> params = new ArrayList<>(in.params(workspaceId));
        params.addAll(group);
        return store.reads()
                .sql(
                        "select id, survivor_id, merged_id, reason, merged_at, undone_at from merges where workspace_id = ? "
                                + "and (survivor_id in (" + in.marks() + ") or merged_id in (" + in.marks()
                                + ")) order by merged_at")
                .params(params)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", Sql.uuid(rs, "id"));
                    row.put("survivor", Sql.uuid(rs, "survivor_id"));
                    row.put("merged", Sql.uuid(rs, "merged_id"));
                    row.put("reason", rs.getString("reason"));
                    row.put("mergedAt", Sql.instant(rs, "merged_at"));
                    row.put("undoneAt", Sql.instant(rs, "undone_at"));
                    return row;
                })
                .list();
    }

    public List<io.touchpoint.customers.Merge> mergeRecords(UUID workspaceId, Collection<UUID> group) {
        InList in = InList.of(group);
        List<Object> params = new ArrayList<>(in.params(workspaceId));
        params.addAll(group);
        return store.reads()
                .sql(
                        "select id, survivor_id, merged_id, reason, merged_at, undone_at from merges where workspace_id = ? "
                                + "and (survivor_id in (" + in.marks() + ") or merged_id in (" + in.marks() + ")) "
                                + "order by merged_at desc")
                .params(params)
                .query((rs, n) -> new io.touchpoint.customers.Merge(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "survivor_id"),
                        Sql.uuid(rs, "merged_id"),
                        rs.getString("reason"),
                        Sql.instant(rs, "merged_at"),
                        Sql.instant(rs, "undone_at")))
                .list();
    }

    /** People whose root id the given query selects (a segment's query), most recently active first. */
    public List<CustomerSummary> listMatching(
            UUID workspaceId, String rootQuery, List<Object> params, int limit, int offset) {
        return summaries(workspaceId, " and c.id in (" + rootQuery + ")", params, limit, offset);
    }

    public List<CustomerSummary> list(UUID workspaceId, String search, int limit, int offset) {
        List<Object> extra = new ArrayList<>();
        String filter = "";
        if (search != null && !search.isBlank()) {
            filter =
                    " and c.id in (select s.root_id from identities i join customers s on s.workspace_id = i.workspace_id "
                            + "and s.id = i.customer_id where i.workspace_id = ? and lower(i.value) like ?)";
            extra.add(workspaceId);
            extra.add("%" + search.trim().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        return summaries(workspaceId, filter, extra, limit, offset);
    }

    private List<CustomerSummary> summaries(
            UUID workspaceId, String filter, List<Object> extra, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        params.add(workspaceId);
        params.add(workspaceId);
        params.addAll(extra);
        params.add(limit);
        params.add(offset);
        // events are summed per profile before the join: one pass over the events, then per person
        List<CustomerSummary> rows = store.reads()
                .sql("select c.id, c.user_id, min(e.first_seen) as first_seen, max(e.last_seen) as last_seen, "
                        + "coalesce(sum(e.n), 0) as n "
                        + "from customers c join customers m on m.workspace_id = c.workspace_id and m.root_id = c.id "
                        + "left join (select customer_id, min(ts) as first_seen, max(ts) as last_seen, count(*) as n "
                        + "from events where workspace_id = ? group by customer_id) e on e.customer_id = m.id "
                        + "where c.workspace_id = ? and c.merged_into is null" + filter
                        + " group by c.id, c.user_id order by last_seen desc nulls last, c.id limit ? offset ?")
                .params(params)
                .query((rs, n) -> new CustomerSummary(
                        Sql.uuid(rs, "id"),
                        rs.getString("user_id"),
                        null,
                        null,
                        Sql.instant(rs, "first_seen"),
                        Sql.instant(rs, "last_seen"),
                        rs.getLong("n")))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, Map<String, String>> names =
                latestTraits(workspaceId, rows.stream().map(CustomerSummary::id).toList(), List.of("email", "name"));
        return rows.stream()
                .map(r -> new CustomerSummary(
                        r.id(),
                        r.userId(),
                        names.getOrDefault(r.id(), Map.of()).get("email"),
                        names.getOrDefault(r.id(), Map.of()).get("name"),
                        r.firstSeen(),
                        r.lastSeen(),
                        r.events()))
                .toList();
    }

    /** Latest values of some traits for many people at once, keyed by root profile. */
    private Map<UUID, Map<String, String>> latestTraits(UUID workspaceId, List<UUID> roots, List<String> traitNames) {
        InList in = InList.of(roots);
        InList names = InList.of(traitNames);
        List<Object> params = new ArrayList<>(in.params(workspaceId));
        params.addAll(traitNames);
        Map<UUID, Map<String, String>> result = new LinkedHashMap<>();
        store.reads()
                .sql(
                        "select root_id, name, value from (select c.root_id, t.name, t.value, row_number() over (partition by "
                                + "c.root_id, t.name order by t.observed_at desc) as rn from trait_history t join customers c on "
                                + "c.workspace_id = t.workspace_id and c.id = t.customer_id where t.workspace_id = ? and c.root_id in ("
                                + in.marks() + ") and t.name in (" + names.marks() + ")) latest where rn = 1")
                .params(params)
                .query(rs -> {
                    var value = Json.read(rs.getString("value"));
                    result.computeIfAbsent(Sql.uuid(rs, "root_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("name"), value.isString() ? value.asString() : value.toString());
                });
        return result;
    }

    public static void eraseOwnRows(WriteContext tx, UUID workspaceId, List<UUID> group, List<Identity> identities) {
        InList in = InList.of(group);
        for (String table : List.of("trait_history", "consents", "identities")) {
            tx.jdbc()
                    .sql("delete from " + table + " where workspace_id = ? and customer_id in (" + in.marks() + ")")
                    .params(in.params(workspaceId))
                    .update();
        }
        tx.jdbc()
                .sql("delete from segment_members where workspace_id = ? and root_id in (" + in.marks() + ")")
                .params(in.params(workspaceId))
                .update();
        List<Object> params = new ArrayList<>(in.params(workspaceId));
        params.addAll(group);
        tx.jdbc()
                .sql("delete from merges where workspace_id = ? and (survivor_id in (" + in.marks()
                        + ") or merged_id in (" + in.marks() + "))")
                .params(params)
                .update();
        tx.jdbc()
                .sql("delete from customers where workspace_id = ? and id in (" + in.marks() + ")")
                .params(in.params(workspaceId))
                .update();
    }
}
