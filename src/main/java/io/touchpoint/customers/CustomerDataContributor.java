package io.touchpoint.customers;

import io.touchpoint.platform.WriteContext;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Implemented by every module that stores data about customers, so a GDPR export contains all of
 * it and an erase removes all of it, without the customers module knowing the others' tables.
 */
public interface CustomerDataContributor {

    /** Name of this module's section in the export document. */
    String section();

    /**
     * Everything this module stores about one person: their profiles (the root and those merged into
     * it) and their identities (for rows kept by identifier, such as failed events).
     */
    Object export(UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities);

    /** Deletes everything this module stores about the person, inside the erase transaction. */
    void erase(WriteContext tx, UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities)
            throws Exception;

    /**
     * These profiles now belong to another person: a merge moved them under its survivor, or the
     * undoing of one gave them back. Called inside that transaction, for a module that keeps
     * figures per person (not per profile) to mark them stale; rows themselves never move.
     */
    default void regrouped(WriteContext tx, UUID workspaceId, Collection<UUID> profileIds) {}
}
