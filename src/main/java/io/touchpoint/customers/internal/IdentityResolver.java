package io.touchpoint.customers.internal;

import io.touchpoint.customers.Identity;
import io.touchpoint.customers.IdentityClaim;
import io.touchpoint.customers.IdentityKind;
import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Outbox;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.WriteContext;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Maps each incoming message's identities to a profile, inside the caller's write transaction.
 * Unknown identities create a profile; new identities of a known person are attached to the profile
 * that stands for them; identities that point at several people merge them into the oldest profile,
 * except that profiles with different user ids are never merged (a shared device or a shared email
 * address is not one person). A message is attributed to the profile that owns its identities, so
 * undoing a merge gives every profile its own messages back.
 */
public final class IdentityResolver {

    private IdentityResolver() {}

    /**
     * What a resolution found: per claim, in order, the profile the message belongs to; and the
     * stored profiles that merges in it moved under another person.
     */
    public record Resolution(List<UUID> owners, List<UUID> regrouped) {}

    /**
     * @param cache what the embedded store's writer knows of identities (null on PostgreSQL, whose
     *     writes run concurrently): identities found there are not read from the store
     */
    public static Resolution resolve(
            WriteContext tx, UUID workspaceId, List<IdentityClaim> claims, Instant now, IdentityCache cache)
            throws Exception {
        Batch batch = new Batch(tx, workspaceId, now, cache);
        batch.lookup(claims);
        List<Profile> owners = new ArrayList<>(claims.size());
        for (IdentityClaim claim : claims) {
            owners.add(batch.resolve(claim));
        }
        batch.flush();
        batch.remember();
        List<UUID> result = new ArrayList<>(owners.size());
        for (Profile owner : owners) {
            // a profile created in this batch and merged in this batch never reached the store
            result.add(owner.isNew && owner.mergedInto != null ? owner.current().id : owner.id);
        }
        return new Resolution(result, List.copyOf(batch.regrouped));
    }

    private static final class Batch {
        private final WriteContext tx;
        private final UUID workspaceId;
        private final Instant now;
        private final Map<UUID, Profile> profiles = new HashMap<>();
        private final Map<Identity, Profile> owners = new HashMap<>();
        private final Map<Identity, Profile> newIdentities = new LinkedHashMap<>();
        private final List<Profile> newProfiles = new ArrayList<>();
        private final List<UUID> regrouped = new ArrayList<>();
        private final List<Identity> readFromStore = new ArrayList<>();
        private final IdentityCache cache;

        /** A stored profile was merged or got a user id: what the cache holds may be out of date. */
        private boolean peopleChanged;

        Batch(WriteContext tx, UUID workspaceId, Instant now, IdentityCache cache) {
            this.tx = tx;
            this.workspaceId = workspaceId;
            this.now = now;
            this.cache = cache;
            if (cache != null) {
                tx.onRollback(cache.forget);
            }
        }

        /**
         * After the batch's rows are written: the cache learns the owner of every identity the batch
         * named, as the look-up would now read it; a batch that merged profiles or gave a stored one
         * a user id empties it instead.
         */
        void remember() {
            if (cache == null) {
                return;
            }
            if (peopleChanged) {
                cache.clear();
                return;
            }
            // the identities found in the cache have the same owners as before
            for (Identity identity : readFromStore) {
                remember(identity, owners.get(identity));
            }
            newIdentities.forEach(this::remember);
        }

        private void remember(Identity identity, Profile profile) {
            Profile stored = profile.isNew ? profile.current() : profile;
            Profile root = stored.current();
            cache.put(workspaceId, identity, new IdentityCache.Owner(stored.id, root.id, root.userId));
        }

        Profile resolve(IdentityClaim claim) {
            Profile known = knownOwner(claim);
            if (known != null) {
                return known;
            }
            Set<Profile> direct = new LinkedHashSet<>();
            Set<Profile> roots = new LinkedHashSet<>();
            for (Identity identity : claim.identities()) {
                Profile owner = owners.get(identity);
                if (owner != null) {
                    direct.add(owner);
                    roots.add(owner.current());
                }
            }
            String userId = claim.userId();
            List<Profile> compatible = new ArrayList<>();
            for (Profile root : roots) {
                if (userId == null || root.userId == null || root.userId.equals(userId)) {
                    compatible.add(root);
                }
            }
            Profile target;
            if (compatible.isEmpty()) {
                target = create(userId);
            } else {
                compatible.sort((a, b) -> a.id.toString().compareTo(b.id.toString()));
                target = compatible.get(0);
                for (Profile other : compatible.subList(1, compatible.size())) {
                    boolean sameUser =
                            target.userId == null || other.userId == null || target.userId.equals(other.userId);
                    if (sameUser && !undone(target, other)) {
                        merge(target, other);
                    }
                }
            }
            for (Identity identity : claim.identities()) {
                if (!owners.containsKey(identity)) {
                    owners.put(identity, target);
                    newIdentities.put(identity, target);
                }
            }
            if (target.userId == null && userId != null) {
                target.userId = userId;
                if (!target.isNew) {
                    changed();
                    tx.jdbc()
                            .sql("update customers set user_id = ? where workspace_id = ? and id = ?")
                            .params(userId, workspaceId, target.id)
                            .update();
                }
            }
            // the message belongs to the one profile its identities name, else to the merged person
            return direct.size() == 1 && direct.iterator().next().current() == target
                    ? direct.iterator().next()
                    : target;
        }

        /**
         * The most common claim, a known person's: one profile owns every identity and the claim's
         * user id (if any) is already its person's. The full resolution would change nothing and
         * return that profile.
         */
        private Profile knownOwner(IdentityClaim claim) {
            Profile owner = null;
            for (Identity identity : claim.identities()) {
                Profile found = owners.get(identity);
                if (found == null || (owner != null && found != owner)) {
                    return null;
                }
                owner = found;
            }
            String userId = claim.userId();
            return userId == null || userId.equals(owner.current().userId) ? owner : null;
        }

        /** A merge of these two that someone undid is not redone automatically. */
        private boolean undone(Profile a, Profile b) {
            if (a.isNew || b.isNew) {
                return false;
            }
            return tx.jdbc()
                            .sql("select count(*) from merges where workspace_id = ? and undone_at is not null and "
                                    + "((survivor_id = ? and merged_id = ?) or (survivor_id = ? and merged_id = ?))")
                            .params(workspaceId, a.id, b.id, b.id, a.id)
                            .query(Long.class)
                            .single()
                    > 0;
        }

        private Profile create(String userId) {
            Profile profile = new Profile(Ids.next(), userId, true);
            profiles.put(profile.id, profile);
            newProfiles.add(profile);
            return profile;
        }

        private void merge(Profile survivor, Profile merged) {
            changed();
            merged.mergedInto = survivor;
            if (survivor.userId == null) {
                survivor.userId = merged.userId;
            }
            if (merged.isNew) {
                return; // never stored: its identities simply go to the survivor
            }
            UUID mergeId = Ids.next();
            regrouped.addAll(tx.jdbc()
                    .sql("select id from customers where workspace_id = ? and root_id = ?")
                    .params(workspaceId, merged.id)
                    .query((rs, n) -> Sql.uuid(rs, "id"))
                    .list());
            tx.jdbc()
                    .sql("update customers set merged_into = ? where workspace_id = ? and id = ?")
                    .params(survivor.id, workspaceId, merged.id)
                    .update();
            tx.jdbc()
                    .sql("update customers set root_id = ? where workspace_id = ? and root_id = ?")
                    .params(survivor.id, workspaceId, merged.id)
                    .update();
            tx.jdbc()
                    .sql(
                            """
                    insert into merges (workspace_id, id, survivor_id, merged_id, reason, merged_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(workspaceId, mergeId, survivor.id, merged.id, "shared identity", Sql.ts(now))
                    .update();
            if (survivor.isNew) {
                throw new IllegalStateException("A stored profile cannot merge into a new one");
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("mergeId", mergeId.toString());
            data.put("customerId", survivor.id.toString());
            data.put("mergedCustomerId", merged.id.toString());
            data.put("userId", survivor.userId);
            data.put("reason", "shared identity");
            data.put("mergedAt", now.toString());
            Outbox.append(tx, workspaceId, "customer.merged", data, now);
        }

        void flush() throws Exception {
            List<Object[]> profileRows = new ArrayList<>();
            for (Profile profile : newProfiles) {
                if (profile.mergedInto == null) {
                    profileRows.add(new Object[] {workspaceId, profile.id, profile.id, profile.userId, Sql.ts(now)});
                }
            }
            List<Object[]> identityRows = new ArrayList<>();
            newIdentities.forEach((identity, profile) -> {
                Profile owner = profile.isNew ? profile.current() : profile;
                identityRows.add(
                        new Object[] {workspaceId, identity.kind().name(), identity.value(), owner.id, Sql.ts(now)});
                if (cache != null) {
                    cache.stored(workspaceId, identity);
                }
            });
            // new profiles have new ids, and the lookup read every stored identity with these values
            tx.bulk()
                    .appendNew(
                            "customers",
                            List.of("workspace_id", "id", "root_id", "user_id", "created_at"),
                            profileRows);
            tx.bulk()
                    .appendNew(
                            "identities",
                            List.of("workspace_id", "kind", "value", "customer_id", "created_at"),
                            identityRows);
        }

        /** Empties the cache at once: a later resolution in this transaction must read the store. */
        private void changed() {
            peopleChanged = true;
            if (cache != null) {
                cache.clear();
            }
        }

        void lookup(List<IdentityClaim> claims) {
            Set<Identity> wanted = new LinkedHashSet<>();
            for (IdentityClaim claim : claims) {
                for (Identity identity : claim.identities()) {
                    IdentityCache.Owner known = cache == null ? null : cache.get(workspaceId, identity);
                    if (known != null) {
                        owners.put(identity, profile(known.profileId(), known.rootId(), known.rootUserId()));
                    } else if (cache == null || cache.mayBeStored(tx, workspaceId, identity)) {
                        wanted.add(identity);
                    }
                }
            }
            if (wanted.isEmpty()) {
                return;
            }
            // one statement with array parameters: an IN list of hundreds of placeholders is slow to prepare on
            // DuckDB. DuckDB reads the workspace's identities once and needs only the values. PostgreSQL looks up
            // each wanted (kind, value) pair through the key, in a lateral subquery that LIMIT keeps apart: as a
            // join or "in (select from unnest)", the planner, whose statistics lag behind tables that grow under
            // ingestion, compared every identity of the workspace with every wanted pair (4.2 s for 3,000 pairs
            // against 12,000 identities; 17 ms this way).
            boolean duckDb = tx.dialect() == Dialect.DUCKDB;
            String columns = "select i.kind, i.value, i.customer_id, c.root_id, r.user_id as root_user_id, "
                    + "c.user_id as own_user_id from identities i";
            String joins = " join customers c on c.workspace_id = i.workspace_id and c.id = i.customer_id "
                    + "join customers r on r.workspace_id = c.workspace_id and r.id = c.root_id";
            String sql;
            Object[] params;
            try {
                if (duckDb) {
                    Object[] values =
                            wanted.stream().map(Identity::value).distinct().toArray();
                    sql = columns + joins + " where i.workspace_id = ? and i.value in (select unnest(?))";
                    params = new Object[] {workspaceId, tx.connection().createArrayOf("VARCHAR", values)};
                } else {
                    Object[] kinds = wanted.stream().map(i -> i.kind().name()).toArray();
                    Object[] values = wanted.stream().map(Identity::value).toArray();
                    sql = "select x.* from unnest(?::text[], ?::text[]) as w(kind, value) cross join lateral ("
                            + columns + joins
                            + " where i.workspace_id = ? and i.kind = w.kind and i.value = w.value limit 1) x";
                    params = new Object[] {
                        tx.connection().createArrayOf("text", kinds),
                        tx.connection().createArrayOf("text", values),
                        workspaceId
                    };
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot bind identity values: " + e.getMessage(), e);
            }
            tx.jdbc().sql(sql).params(params).query(rs -> {
                Identity identity = new Identity(IdentityKind.valueOf(rs.getString("kind")), rs.getString("value"));
                if (wanted.contains(identity)) {
                    readFromStore.add(identity);
                    owners.put(
                            identity,
                            profile(
                                    Sql.uuid(rs, "customer_id"),
                                    Sql.uuid(rs, "root_id"),
                                    rs.getString("root_user_id")));
                }
            });
        }

        private Profile profile(UUID id, UUID rootId, String rootUserId) {
            Profile root = profiles.computeIfAbsent(rootId, key -> new Profile(key, null, false));
            root.userId = root.userId == null ? rootUserId : root.userId;
            if (id.equals(rootId)) {
                return root;
            }
            Profile own = profiles.computeIfAbsent(id, key -> new Profile(key, null, false));
            own.mergedInto = root;
            return own;
        }
    }

    /** A profile as seen during one resolution; merges point it at its survivor. */
    static final class Profile {
        final UUID id;
        final boolean isNew;
        String userId;
        Profile mergedInto;

        Profile(UUID id, String userId, boolean isNew) {
            this.id = id;
            this.userId = userId;
            this.isNew = isNew;
        }

        Profile current() {
            Profile profile = this;
            while (profile.mergedInto != null) {
                profile = profile.mergedInto;
            }
            return profile;
        }
    }
}
