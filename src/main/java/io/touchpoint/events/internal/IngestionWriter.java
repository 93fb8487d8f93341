package io.touchpoint.events.internal;

import io.touchpoint.customers.ConsentChannel;
import io.touchpoint.customers.Customers;
import io.touchpoint.customers.Identity;
import io.touchpoint.customers.IdentityClaim;
import io.touchpoint.customers.IdentityKind;
import io.touchpoint.events.IncomingEvent;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.WriteContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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

    static final List<String> EVENT_COLUMNS = List.of(
            "workspace_id",
            "message_id",
            "customer_id",
            "type",
            "event",
            "channel",
            "ts",
            "received_at",
            "sent_at",
            "properties",
            "context");

    /** A refused message as it will be kept. */
    record Failure(String payload, List<String> reasons, String messageId, String customerKey) {}

    private IngestionWriter() {}

    /** @return how many events were newly stored */
    static int write(
            WriteContext tx, UUID workspaceId, List<IncomingEvent> events, List<Failure> failures, Instant receivedAt)
            throws Exception {
        keepFailures(tx, workspaceId, failures, receivedAt);
        List<IncomingEvent> fresh = withoutStored(tx, workspaceId, events);
        if (fresh.isEmpty()) {
            return 0;
        }
        List<IdentityClaim> claims = new ArrayList<>(fresh.size());
        for (IncomingEvent event : fresh) {
            claims.add(claim(event));
        }
        List<UUID> profiles = Customers.resolveIdentities(tx, workspaceId, claims, receivedAt);
        List<Object[]> eventRows = new ArrayList<>(fresh.size());
        List<Object[]> traitRows = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            IncomingEvent event = fresh.get(i);
            UUID profile = profiles.get(i);
            JsonNode shown = "identify".equals(event.type()) ? event.traits() : event.properties();
            eventRows.add(new Object[] {
                workspaceId,
                event.messageId(),
                profile,
                event.type(),
                event.event(),
                event.channel(),
                Sql.ts(event.timestamp()),
                Sql.ts(receivedAt),
                Sql.ts(event.sentAt()),
                Json.write(shown),
                Json.write(event.context())
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
                        Sql.ts(event.timestamp())
                    });
                }
            }
        }
        int stored = tx.bulk().insertIgnoringDuplicates("events", EVENT_COLUMNS, eventRows);
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
            if (OrderRows.isOrderEvent(fresh.get(i))) {
                orderChanges.add(new OrderRows.Change(profiles.get(i), fresh.get(i)));
            }
        }
        OrderRows.apply(tx, workspaceId, orderChanges, receivedAt);
        for (int i = 0; i < fresh.size(); i++) {
            IncomingEvent event = fresh.get(i);
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
        return stored;
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

    private static List<IncomingEvent> withoutStored(WriteContext tx, UUID workspaceId, List<IncomingEvent> events) {
        Set<String> seen = new HashSet<>();
        List<IncomingEvent> unique = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            if (seen.add(event.messageId())) {
                unique.add(event);
            }
        }
        Set<String> stored = new HashSet<>();
        List<String> ids = new ArrayList<>(seen);
        for (int start = 0; start < ids.size(); start += 500) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + 500));
            List<Object> params = new ArrayList<>();
            params.add(workspaceId);
            params.addAll(chunk);
            stored.addAll(tx.jdbc()
                    .sql("select message_id from events where workspace_id = ? and message_id in ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(params)
                    .query(String.class)
                    .list());
        }
        if (stored.isEmpty()) {
            return unique;
        }
        return unique.stream().filter(e -> !stored.contains(e.messageId())).toList();
    }

    private static void keepFailures(WriteContext tx, UUID workspaceId, List<Failure> failures, Instant receivedAt)
            throws Exception {
        List<Object[]> rows = new ArrayList<>(failures.size());
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
        tx.bulk()
                .insertIgnoringDuplicates(
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
