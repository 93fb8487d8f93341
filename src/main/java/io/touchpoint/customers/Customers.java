package io.touchpoint.customers;

import io.touchpoint.customers.internal.CustomerReads;
import io.touchpoint.customers.internal.IdentityCache;
import io.touchpoint.customers.internal.IdentityResolver;
import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Outbox;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The customers module's face: finding profiles, resolving identities, GDPR export and erase. */
@Service
public class Customers {

    private static final Logger log = LoggerFactory.getLogger(Customers.class);

    private final Store store;
    private final CustomerReads reads;
    private final List<CustomerDataContributor> contributors;

    private final java.time.Clock clock;

    /**
     * The embedded store's writer's knowledge of identities; everything in this module that changes
     * profiles or identities outside a resolution empties it (undoing a merge, erasing a person).
     */
    private final IdentityCache identityCache = new IdentityCache(IDENTITY_CACHE_CAPACITY);

    /** Identities the writer remembers, in each of two generations (about 200 bytes each). */
    static final int IDENTITY_CACHE_CAPACITY = 50_000;

    Customers(Store store, CustomerReads reads, List<CustomerDataContributor> contributors, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
        this.reads = reads;
        this.contributors = contributors;
    }

    /**
     * Resolves the identities of incoming messages to profiles inside the caller's write unit (see
     * {@link IdentityResolver}); returns, per claim, the profile the message belongs to. Profiles
     * that a merge moved under another person are announced to every module in the same unit.
     */
    public List<UUID> resolveIdentities(WriteContext tx, UUID workspaceId, List<IdentityClaim> claims, Instant now)
            throws Exception {
        IdentityResolver.Resolution resolution = IdentityResolver.resolve(
                tx, workspaceId, claims, now, tx.dialect() == Dialect.DUCKDB ? identityCache : null);
        regrouped(tx, workspaceId, resolution.regrouped());
        return resolution.owners();
    }

    private void regrouped(WriteContext tx, UUID workspaceId, List<UUID> profileIds) {
        if (profileIds.isEmpty()) {
            return;
        }
        for (CustomerDataContributor contributor : contributors) {
            contributor.regrouped(tx, workspaceId, profileIds);
        }
    }

    /**
     * The user id of the person a profile belongs to now (its root's), read inside the caller's
     * write unit, so a profile created in the same unit is seen.
     */
    public static Optional<String> userIdInWrite(WriteContext tx, UUID workspaceId, UUID profileId) {
        return tx.jdbc()
                .sql("select r.user_id from customers c join customers r on r.workspace_id = c.workspace_id "
                        + "and r.id = c.root_id where c.workspace_id = ? and c.id = ?")
                .params(workspaceId, profileId)
                .query(String.class)
                .optional();
    }

    /**
     * Records a consent decision for a person, with its source (a form, an unsubscribe link, an API
     * call); the latest decision per channel wins and every decision is kept.
     */
    public void recordConsent(UUID workspaceId, String userId, ConsentChannel channel, boolean granted, String source) {
        UUID root = require(workspaceId, userId);
        String cleanSource = source == null || source.isBlank() ? "api" : source.trim();
        if (cleanSource.length() > 200) {
            throw new io.touchpoint.platform.InvalidInputException("source", "must be at most 200 characters");
        }
        Instant now = clock.instant();
        store.write(tx -> {
            recordConsent(tx, workspaceId, root, channel, granted, cleanSource, now);
            return null;
        });
    }

    /** Records a consent decision inside the caller's write unit (ingestion of Consent Updated events). */
    public static void recordConsent(
            WriteContext tx,
            UUID workspaceId,
            UUID profileId,
            ConsentChannel channel,
            boolean granted,
            String source,
            Instant at) {
        tx.jdbc()
                .sql("insert into consents (workspace_id, customer_id, channel, granted, source, observed_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(workspaceId, profileId, channel.key(), granted, source, io.touchpoint.platform.Sql.ts(at))
                .update();
    }

    /**
     * Sets a trait on a profile inside the caller's write unit, as an identify call would (the loop
     * module's "tag the customer" action); the newest value of a trait wins.
     */
    public static void setTrait(
            WriteContext tx, UUID workspaceId, UUID profileId, String name, String value, Instant at) throws Exception {
        tx.bulk()
                .insertIgnoringDuplicates(
                        "trait_history",
                        List.of(
                                "workspace_id",
                                "customer_id",
                                "name",
                                "value",
                                "value_text",
                                "value_number",
                                "message_id",
                                "observed_at"),
                        List.<Object[]>of(new Object[] {
                            workspaceId,
                            profileId,
                            name,
                            io.touchpoint.platform.Json.write(value),
                            value,
                            null,
                            null,
                            io.touchpoint.platform.Sql.ts(at)
                        }));
    }

    /** Whether the person's latest decision for the channel is a yes (no decision means no). */
    public boolean hasConsent(UUID workspaceId, UUID rootId, ConsentChannel channel) {
        return reads.profile(workspaceId, rootId)
                .map(p -> p.consents().stream().anyMatch(c -> c.channel().equals(channel.key()) && c.granted()))
                .orElse(false);
    }

    /** Every merge that made this person, newest first. */
    public List<Merge> merges(UUID workspaceId, UUID rootId) {
        return reads.mergeRecords(workspaceId, profileGroup(workspaceId, rootId));
    }

    /** Undoes a merge; both profiles stand on their own again, each with its own messages. */
    public Merge unmerge(UUID workspaceId, UUID mergeId) {
        Instant now = clock.instant();
        Merge undone = store.write(tx -> {
            identityCache.clear();
            var result = io.touchpoint.customers.internal.Unmerging.undo(tx, workspaceId, mergeId, now);
            regrouped(tx, workspaceId, result.regrouped());
            return result.merge();
        });
        log.info("Undid merge {} in workspace {}", mergeId, workspaceId);
        return undone;
    }

    /** The person known by this user id: the profile that stands for them now. */
    public Optional<UUID> findByUserId(UUID workspaceId, String userId) {
        return reads.rootOf(workspaceId, IdentityKind.USER_ID, userId);
    }

    /** The person known by an identity (a user id, a browser's anonymous id, …), if any message carried it. */
    public Optional<UUID> find(UUID workspaceId, IdentityKind kind, String value) {
        return reads.rootOf(workspaceId, kind, value);
    }

    public UUID require(UUID workspaceId, String userId) {
        return findByUserId(workspaceId, userId)
                .orElseThrow(() -> new NotFoundException("No customer with userId " + userId));
    }

    /** The root profile and every profile merged into it: all of one person's rows. */
    public List<UUID> profileGroup(UUID workspaceId, UUID rootId) {
        return reads.group(workspaceId, rootId);
    }

    public CustomerProfile profile(UUID workspaceId, UUID rootId) {
        return reads.profile(workspaceId, rootId).orElseThrow(() -> new NotFoundException("No customer " + rootId));
    }

    public long count(UUID workspaceId) {
        return reads.count(workspaceId);
    }

    /** A page of customers, most recently active first. */
    public List<CustomerSummary> list(UUID workspaceId, String search, int limit, int offset) {
        return reads.list(workspaceId, search, limit, offset);
    }

    /** Everything stored about the customer, from every module. */
    public Map<String, Object> export(UUID workspaceId, String userId) {
        UUID root = require(workspaceId, userId);
        List<UUID> group = profileGroup(workspaceId, root);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("userId", userId);
        document.put("exportedAt", clock.instant().toString());
        document.put("profile", profile(workspaceId, root));
        document.put("traitHistory", reads.traitHistory(workspaceId, group));
        document.put("merges", reads.merges(workspaceId, group));
        List<Identity> identities = reads.identities(workspaceId, group);
        for (CustomerDataContributor contributor : contributors) {
            document.put(contributor.section(), contributor.export(workspaceId, group, identities));
        }
        return document;
    }

    /**
     * Erases the customer and every profile merged into it from every module, in one transaction.
     * The log line names only internal ids, never personal data.
     */
    public void erase(UUID workspaceId, String userId) {
        UUID root = require(workspaceId, userId);
        List<UUID> group = profileGroup(workspaceId, root);
        List<Identity> identities = reads.identities(workspaceId, group);
        Instant now = clock.instant();
        store.write(tx -> {
            identityCache.clear();
            for (CustomerDataContributor contributor : contributors) {
                contributor.erase(tx, workspaceId, group, identities);
            }
            CustomerReads.eraseOwnRows(tx, workspaceId, group, identities);
            // only internal ids: the message outlives the person it reports on
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("customerId", root.toString());
            data.put("profileIds", group.stream().map(UUID::toString).toList());
            Outbox.append(tx, workspaceId, "customer.erased", data, now);
            return null;
        });
        log.info("Erased customer profile {} ({} profiles) in workspace {}", root, group.size(), workspaceId);
    }
}
