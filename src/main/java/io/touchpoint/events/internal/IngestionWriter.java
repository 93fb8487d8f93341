package io.touchpoint.events.internal;

import io.touchpoint.customers.ConsentChannel;
import io.touchpoint.customers.Customers;
import io.touchpoint.customers.Identity;
import io.touchpoint.customers.IdentityClaim;
import io.touchpoint.customers.IdentityKind;
import io.touchpoint.events.IncomingEvent;
import io.touchpoint.events.SystemEvents;
import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.StoredKeys;
import io.touchpoint.platform.WriteContext;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Applies one batch inside one write unit: skips messages already stored, resolves identities,
 * stores events, trait observations and orders, and keeps the rejected messages with their reasons.
 */
final class IngestionWriter {

    /** A refused message as it will be kept. */
    record Failure(String payload, List<String> reasons, String messageId, String customerKey) {}

    /** One request's share of a write: its valid events and its refused messages, received together. */
    record Unit(UUID workspaceId, List<Ready> events, List<Failure> failures, Instant receivedAt) {}

    /**
     * A valid event with what the writer needs of it worked out beforehand, on the receiving thread
     * (the embedded store has one writer thread, and every step taken off it is throughput): its
     * identities, its messageId's fingerprint, its times as bound, and whether it is an order's.
     */
    record Ready(
            IncomingEvent event,
            IdentityClaim claim,
            long fingerprint,
            OffsetDateTime timestamp,
            OffsetDateTime sentAt,
            boolean order) {

        static Ready of(UUID workspaceId, IncomingEvent event) {
            // the writer puts the messageId in a hash set: a String keeps its hash once computed
            event.messageId().hashCode();
            return new Ready(
                    event,
                    IngestionWriter.claim(event),
                    RecentMessageIds.fingerprint(workspaceId, event.messageId()),
                    Sql.ts(event.timestamp()),
                    Sql.ts(event.sentAt()),
                    OrderRows.isOrderEvent(event));
        }
    }

    /** A valid event, the unit it came with and when that unit was received (as bound). */
    private record Arrived(Ready ready, int unit, OffsetDateTime receivedAt) {
        IncomingEvent event() {
            return ready.event();
        }
    }

    /**
     * On the embedded store, the messages that {@link RecentMessageIds} may have seen are looked up
     * among the events received in this window before the batch: DuckDB keeps the minimum and maximum
     * of each column per group of rows, and {@code received_at} grows with the table, so the look-up
     * reads the recent rows only instead of the whole table. An older copy of a message, or one the
     * writer does not remember, is still found: the key makes the append fail, and the batch is
     * applied again with the check over every event ({@link DuplicateBeyondWindow}).
     */
    static final Duration DEDUPLICATION_WINDOW = Duration.ofHours(24);

    /** How many messageIds the embedded store's writer remembers, in each of two generations (16 MB). */
    static final int RECENT_CAPACITY = 500_000;

    /** At the first write, the writer recalls the messages received in this time before it. */
    static final Duration RECALL = Duration.ofHours(1);

    /**
     * A message of the batch was stored before, and neither remembered by the writer nor received in
     * the deduplication window. The write unit has failed and is rolled back; applying the batch again
     * with {@code exhaustive} set finds it.
     */
    static final class DuplicateBeyondWindow extends RuntimeException {
        DuplicateBeyondWindow(Throwable cause) {
            super("A message of the batch was stored before, not among the recent ones", cause);
        }
    }

    private final Customers customers;

    /** The embedded store's writer thread only; never touched on PostgreSQL, where writes run concurrently. */
    private final RecentMessageIds recent;

    private boolean recalled;

    /** The embedded store's writer's filter of stored order ids (only {@link OrderRows} inserts orders). */
    private final StoredKeys orders = new StoredKeys("select order_id from orders where workspace_id = ?");

    IngestionWriter(Customers customers) {
        this.customers = customers;
        this.recent = new RecentMessageIds(RECENT_CAPACITY);
    }

    /** @return how many events were newly stored */
    int write(WriteContext tx, UUID workspaceId, List<IncomingEvent> events, List<Failure> failures, Instant receivedAt)
            throws Exception {
        List<Ready> ready = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            ready.add(Ready.of(workspaceId, event));
        }
        return write(tx, List.of(new Unit(workspaceId, ready, failures, receivedAt)), true)
                .get(0);
    }

    /**
     * Applies the units with the same effect as one after the other, but with a few statements for
     * all of them: the embedded store's writer hands over every ingestion request it commits together.
     *
     * @param exhaustive check every stored event for the batch's messageIds, not only those received
     *     within {@link #DEDUPLICATION_WINDOW} (which is enough unless a client resends a message after a day)
     * @return for each unit, how many of its events were newly stored
     */
    List<Integer> write(WriteContext tx, List<Unit> units, boolean exhaustive) throws Exception {
        Map<UUID, List<Integer>> byWorkspace = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            byWorkspace
                    .computeIfAbsent(units.get(i).workspaceId(), id -> new ArrayList<>())
                    .add(i);
        }
        Integer[] stored = new Integer[units.size()];
        Arrays.fill(stored, 0);
        // in one order, so that two transactions never wait for each other's turns
        List<UUID> workspaces = new ArrayList<>(byWorkspace.keySet());
        workspaces.sort(null);
        for (UUID workspaceId : workspaces) {
            takeTurn(tx, workspaceId);
        }
        for (Map.Entry<UUID, List<Integer>> workspace : byWorkspace.entrySet()) {
            write(tx, workspace.getKey(), units, workspace.getValue(), stored, exhaustive);
        }
        return Arrays.asList(stored);
    }

    private void write(
            WriteContext tx,
            UUID workspaceId,
            List<Unit> units,
            List<Integer> indexes,
            Integer[] stored,
            boolean exhaustive)
            throws Exception {
        keepFailures(tx, workspaceId, units, indexes);
        List<Arrived> arrived = new ArrayList<>();
        Instant earliest = null;
        Instant latest = null;
        for (int index : indexes) {
            Unit unit = units.get(index);
            OffsetDateTime receivedAt = Sql.ts(unit.receivedAt());
            for (Ready event : unit.events()) {
                arrived.add(new Arrived(event, index, receivedAt));
            }
            earliest = earliest == null || unit.receivedAt().isBefore(earliest) ? unit.receivedAt() : earliest;
            latest = latest == null || unit.receivedAt().isAfter(latest) ? unit.receivedAt() : latest;
        }
        Instant since = exhaustive ? null : earliest.minus(DEDUPLICATION_WINDOW);
        if (tx.dialect() == Dialect.DUCKDB && !exhaustive) {
            recall(tx, earliest.minus(RECALL));
        }
        List<Arrived> fresh = withoutStored(tx, workspaceId, arrived, since);
        if (fresh.isEmpty()) {
            return;
        }
        List<IdentityClaim> claims = new ArrayList<>(fresh.size());
        for (Arrived arrival : fresh) {
            claims.add(arrival.ready().claim());
        }
        // a profile is created no later than the first message that names it
        List<UUID> profiles = customers.resolveIdentities(tx, workspaceId, claims, earliest);
        List<Object[]> eventRows = new ArrayList<>(fresh.size());
        List<Object[]> traitRows = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            Ready ready = fresh.get(i).ready();
            IncomingEvent event = ready.event();
            UUID profile = profiles.get(i);
            eventRows.add(new Object[] {
                workspaceId,
                event.messageId(),
                profile,
                event.type(),
                event.event(),
                event.channel(),
                ready.timestamp(),
                fresh.get(i).receivedAt(),
                ready.sentAt(),
                event.storedProperties(),
                event.storedContext()
            });
            if ("identify".equals(event.type())) {
                for (Map.Entry<String, JsonNode> trait : event.traits().properties()) {
                    JsonNode value = trait.getValue();
                    String text = value.isValueNode() && !value.isNull() ? value.asString() : null;
                    Double number = value.isNumber() ? value.asDouble() : null;
                    traitRows.add(new Object[] {
                        workspaceId,
                        profile,
                        trait.getKey(),
                        Json.write(value),
                        text,
                        number,
                        event.messageId(),
                        ready.timestamp()
                    });
                }
            }
        }
        storeEvents(tx, eventRows);
        if (tx.dialect() == Dialect.DUCKDB) {
            // a rollback leaves them here: the next copy is then looked up, and found absent
            for (Arrived arrival : fresh) {
                recent.add(arrival.ready().fingerprint());
            }
        }
        // the check above ran in this transaction and the workspace's ingestion takes turns (one
        // writer on DuckDB, a lock on PostgreSQL): every fresh event is inserted
        for (Arrived arrival : fresh) {
            stored[arrival.unit()]++;
        }
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
                        traitRows);
        List<OrderRows.Change> orderChanges = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            if (fresh.get(i).ready().order()) {
                orderChanges.add(
                        new OrderRows.Change(profiles.get(i), fresh.get(i).event()));
            }
        }
        OrderRows.apply(tx, workspaceId, orderChanges, latest, orders);
        for (int i = 0; i < fresh.size(); i++) {
            IncomingEvent event = fresh.get(i).event();
            if ("track".equals(event.type()) && "Consent Updated".equals(event.event())) {
                String source = text(event.properties(), "source");
                Customers.recordConsent(
                        tx,
                        workspaceId,
                        profiles.get(i),
                        ConsentChannel.of(text(event.properties(), "channel")).orElseThrow(),
                        event.properties().get("granted").asBoolean(),
                        source == null ? "event" : source,
                        event.timestamp());
            }
        }
    }

    /**
     * The fresh events go straight into the table on DuckDB; a key conflict there means a copy older
     * than the deduplication window, and the batch is applied again with the exhaustive check.
     */
    private static void storeEvents(WriteContext tx, List<Object[]> rows) throws Exception {
        if (tx.dialect() != Dialect.DUCKDB) {
            tx.bulk().insertIgnoringDuplicates("events", SystemEvents.COLUMNS, rows);
            return;
        }
        try {
            tx.bulk().appendNew("events", SystemEvents.COLUMNS, rows);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage())
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("duplicate key")) {
                throw new DuplicateBeyondWindow(e);
            }
            throw e;
        }
    }

    /**
     * On PostgreSQL, writes run concurrently. Two batches of one workspace that meet the same new
     * person at once would each create a profile for them (and may deadlock on the identities), and
     * two retries of one batch would both pass the stored-messageId check; so the workspace's
     * ingestion transactions take turns, as they do on the embedded store's single writer. The lock
     * is released at commit or rollback. (Concurrent requests' batches are mostly applied together
     * in one transaction anyway, see {@code MergingLanes}; this covers replays and the rest.)
     */
    private static void takeTurn(WriteContext tx, UUID workspaceId) {
        if (tx.dialect() == Dialect.POSTGRESQL) {
            long key = workspaceId.getMostSignificantBits() ^ workspaceId.getLeastSignificantBits();
            tx.jdbc().sql("select pg_advisory_xact_lock(?)").param(key).query(rs -> {});
        }
    }

    static IdentityClaim claim(IncomingEvent event) {
        List<Identity> identities = new ArrayList<>();
        identities.add(Identity.of(IdentityKind.USER_ID, event.userId()));
        identities.add(Identity.of(IdentityKind.ANONYMOUS_ID, event.anonymousId()));
        if ("alias".equals(event.type())) {
            identities.add(Identity.of(IdentityKind.ANONYMOUS_ID, event.previousId()));
        }
        if ("identify".equals(event.type())) {
            identities.add(Identity.of(IdentityKind.EMAIL, text(event.traits(), "email")));
            identities.add(Identity.of(IdentityKind.PHONE, text(event.traits(), "phone")));
        }
        return new IdentityClaim(identities);
    }

    /**
     * The batch's messages, each once, without those stored already. On the embedded store, when not
     * {@code exhaustive} (a {@code receivedSince} is given), only the messages the writer may have
     * stored lately are looked up; the others are taken as new and the events table's key checks them.
     */
    private List<Arrived> withoutStored(WriteContext tx, UUID workspaceId, List<Arrived> events, Instant receivedSince)
            throws SQLException {
        Set<String> seen = new HashSet<>();
        List<Arrived> unique = new ArrayList<>(events.size());
        boolean remembered = tx.dialect() == Dialect.DUCKDB && receivedSince != null;
        Set<String> wanted = remembered ? new HashSet<>() : seen;
        for (Arrived arrival : events) {
            String messageId = arrival.event().messageId();
            if (seen.add(messageId)) {
                unique.add(arrival);
                if (remembered && recent.mightContain(arrival.ready().fingerprint())) {
                    wanted.add(messageId);
                }
            }
        }
        Set<String> stored = storedIds(tx, workspaceId, wanted, receivedSince);
        if (stored.isEmpty()) {
            return unique;
        }
        return unique.stream()
                .filter(a -> !stored.contains(a.event().messageId()))
                .toList();
    }

    /**
     * Once per process, before its first check: the messages received since {@code since} (a restarted
     * server meets the clients' retries of what it acknowledged before it stopped), the newest first.
     */
    private void recall(WriteContext tx, Instant since) {
        if (recalled) {
            return;
        }
        tx.jdbc()
                .sql("select workspace_id, message_id from events where received_at >= ? "
                        + "order by received_at desc limit ?")
                .params(Sql.ts(since), recent.capacity())
                .query(rs -> {
                    recent.add(Sql.uuid(rs, "workspace_id"), rs.getString("message_id"));
                });
        recalled = true;
    }

    /**
     * Which of the ids are stored already, in one statement: the ids go in one array parameter
     * rather than an IN list of hundreds of placeholders, which DuckDB is slow to prepare. DuckDB has
     * no index for it and reads the column, so there it looks at the events received since
     * {@code receivedSince} when that is given; PostgreSQL uses the key and looks at all.
     */
    private static Set<String> storedIds(WriteContext tx, UUID workspaceId, Set<String> ids, Instant receivedSince)
            throws SQLException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        boolean duckDb = tx.dialect() == Dialect.DUCKDB;
        Array values = tx.connection().createArrayOf(duckDb ? "VARCHAR" : "text", ids.toArray());
        if (!duckDb) {
            return new HashSet<>(tx.jdbc()
                    .sql("select message_id from events where workspace_id = ? and message_id = any(?)")
                    .params(workspaceId, values)
                    .query(String.class)
                    .list());
        }
        String window = receivedSince == null ? "" : " and received_at >= ?";
        List<Object> params = new ArrayList<>(List.of(workspaceId, values));
        if (receivedSince != null) {
            params.add(Sql.ts(receivedSince));
        }
        return new HashSet<>(tx.jdbc()
                .sql("select message_id from events where workspace_id = ? and message_id in (select unnest(?))"
                        + window)
                .params(params)
                .query(String.class)
                .list());
    }

    private static void keepFailures(WriteContext tx, UUID workspaceId, List<Unit> units, List<Integer> indexes)
            throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int index : indexes) {
            addFailureRows(
                    rows,
                    workspaceId,
                    units.get(index).failures(),
                    units.get(index).receivedAt());
        }
        tx.bulk()
                .appendNew(
                        "failed_events",
                        List.of(
                                "workspace_id",
                                "id",
                                "message_id",
                                "customer_key",
                                "payload",
                                "reasons",
                                "status",
                                "received_at"),
                        rows);
    }

    private static void addFailureRows(
            List<Object[]> rows, UUID workspaceId, List<Failure> failures, Instant receivedAt) {
        for (Failure failure : failures) {
            rows.add(new Object[] {
                workspaceId,
                Ids.next(),
                failure.messageId(),
                failure.customerKey(),
                failure.payload(),
                Json.write(failure.reasons()),
                "open",
                Sql.ts(receivedAt)
            });
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() || value.isNumber() ? value.asString() : null;
    }

    static BigDecimal money(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isNumber()) {
                return value.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP);
            }
        }
        return null;
    }
}
