package io.touchpoint.customers;

import io.touchpoint.customers.internal.CustomerReads;
import io.touchpoint.customers.internal.IdentityResolver;
import io.touchpoint.platform.NotFoundException;
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

    Customers(Store store, CustomerReads reads, List<CustomerDataContributor> contributors) {
        this.store = store;
        this.reads = reads;
        this.contributors = contributors;
    }

    /**
     * Resolves the identities of incoming messages to profiles inside the caller's write unit (see
     * {@link IdentityResolver}); returns, per claim, the profile the message belongs to.
     */
    public static List<UUID> resolveIdentities(
            WriteContext tx, UUID workspaceId, List<IdentityClaim> claims, Instant now) throws Exception {
        return IdentityResolver.resolve(tx, workspaceId, claims, now);
    }

    /** The person known by this user id: the profile that stands for them now. */
    public Optional<UUID> findByUserId(UUID workspaceId, String userId) {
        return reads.rootOf(workspaceId, IdentityKind.USER_ID, userId);
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
        document.put("exportedAt", Instant.now().toString());
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
        store.write(tx -> {
            for (CustomerDataContributor contributor : contributors) {
                contributor.erase(tx, workspaceId, group, identities);
            }
            CustomerReads.eraseOwnRows(tx, workspaceId, group, identities);
            return null;
        });
        log.info("Erased customer profile {} ({} profiles) in workspace {}", root, group.size(), workspaceId);
    }
}
