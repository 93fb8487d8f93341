package io.touchpoint.loop.internal;

import io.touchpoint.customers.Customers;
import io.touchpoint.events.SystemEvents;
import io.touchpoint.loop.Actor;
import io.touchpoint.loop.Rule;
import io.touchpoint.loop.RuleDefinition.Action;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Outbox;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.TouchpointProperties;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a rule does when it fires, all in one write unit with the marks of the items looked at:
 * the firing row (unique per rule and item), the case, the outbox messages, the trait, the
 * timeline note and queued notification mail. Nothing leaves the process inside the write.
 */
@Component
public class RuleActions {

    private final Store store;
    private final SettingsRepository settings;
    private final Workspaces workspaces;
    private final LoopMail mail;
    private final TouchpointProperties properties;
    private final Clock clock;

    RuleActions(
            Store store,
            SettingsRepository settings,
            Workspaces workspaces,
            LoopMail mail,
            TouchpointProperties properties,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.workspaces = workspaces;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /** A rule that matched an item, with a short description of why ("NPS 3"). */
    record Firing(RuleWorker.Item item, Rule rule, String why) {}

    void apply(List<RuleWorker.Item> scanned, List<Firing> firings) {
        Instant now = clock.instant();
        Map<UUID, BusinessHours> hours = new HashMap<>();
        for (Firing f : firings) {
            UUID ws = f.item().workspaceId();
            hours.computeIfAbsent(
                    ws,
                    k -> SettingsRepository.hours(
                            settings.get(k), workspaces.get(k).timeZone()));
        }
        Map<UUID, io.touchpoint.loop.LoopSettings> loopSettings = new HashMap<>();
        for (UUID ws : hours.keySet()) {
            loopSettings.put(ws, settings.get(ws));
        }
        int queued = store.write(tx -> {
            for (RuleWorker.Item item : scanned) {
                tx.jdbc()
                        .sql("insert into loop_scanned (workspace_id, item_type, item_id, scanned_at) "
                                + "values (?, ?, ?, ?) on conflict (workspace_id, item_type, item_id) do nothing")
                        .params(item.workspaceId(), item.type(), item.id(), Sql.ts(now))
                        .update();
            }
            int mails = 0;
            for (Firing f : firings) {
                mails += fire(
                        tx,
                        f,
                        hours.get(f.item().workspaceId()),
                        loopSettings.get(f.item().workspaceId()),
                        now);
            }
            return mails;
        });
        if (queued > 0) {
            mail.sendPending();
        }
    }

    /** @return how many mails were queued */
    private int fire(WriteContext tx, Firing f, BusinessHours hours, io.touchpoint.loop.LoopSettings s, Instant now)
            throws Exception {
        RuleWorker.Item item = f.item();
        UUID ws = item.workspaceId();
        UUID firingId = Ids.next();
        int inserted = tx.jdbc()
                .sql("insert into rule_firings (workspace_id, id, rule_id, item_type, item_id, customer_id, fired_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?) on conflict (rule_id, item_type, item_id) do nothing")
                .params(ws, firingId, f.rule().id(), item.type(), item.id(), item.customerId(), Sql.ts(now))
                .update();
        if (inserted == 0) {
            return 0;
        }
        Actor actor = Actor.rule(f.rule().name());
        UUID caseId = null;
        int mails = 0;
        for (Action action : f.rule().definition().actions()) {
            switch (action.type()) {
                case Action.OPEN_CASE -> {
                    Instant due = hours.plus(now, s.slaMinutes().get(action.priority()));
                    caseId = CaseRepository.open(
                            tx,
                            new CaseRepository.NewCase(
                                    ws,
                                    f.why() + " · " + f.rule().name(),
                                    action.priority(),
                                    item.customerId(),
                                    item.responseId(),
                                    f.rule().id(),
                                    due,
                                    actor,
                                    f.why()),
                            now);
                    tx.jdbc()
                            .sql("update rule_firings set case_id = ? where id = ?")
                            .params(caseId, firingId)
                            .update();
                }
                case Action.NOTIFY_EMAIL -> {
                    for (String to : action.to()) {
                        LoopMail.queue(
                                tx,
                                ws,
                                caseId,
                                to,
                                "[Touchpoint] " + f.rule().name() + ": " + f.why(),
                                notification(f, caseId),
                                now);
                        mails++;
                    }
                }
                case Action.WEBHOOK -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("ruleId", f.rule().id());
                    data.put("ruleName", f.rule().name());
                    data.put("itemType", item.type());
                    data.put("itemId", item.id());
                    data.put("customerId", item.customerId());
                    Outbox.append(tx, ws, "rule.fired", data, now);
                }
                case Action.TAG -> {
                    if (item.customerId() != null) {
                        Customers.setTrait(tx, ws, item.customerId(), action.trait(), action.value(), now);
                    }
                }
                case Action.TIMELINE_NOTE -> {
                    if (item.customerId() != null) {
                        Map<String, Object> props = new LinkedHashMap<>();
                        props.put("rule", f.rule().name());
                        props.put("note", action.text());
                        props.put("reason", f.why());
                        SystemEvents.append(tx, ws, item.customerId(), "Loop Note Added", "support", now, props);
                    }
                }
                default -> throw new IllegalStateException("unknown action " + action.type());
            }
        }
        return mails;
    }

    private String notification(Firing f, UUID caseId) {
        StringBuilder body = new StringBuilder();
        body.append("The rule \"")
                .append(f.rule().name())
                .append("\" fired: ")
                .append(f.why())
                .append(".\n\n");
        if (f.item().responseId() != null) {
            body.append("Response: ").append(f.item().responseId()).append('\n');
        } else if ("theme".equals(f.item().type())) {
            body.append("Theme and week: ").append(f.item().id()).append('\n');
        } else {
            body.append("Event: ").append(f.item().id()).append('\n');
        }
        if (caseId != null) {
            body.append("Case: ")
                    .append(properties.feedback().publicUrl())
                    .append("/cases/")
                    .append(caseId)
                    .append('\n');
        }
        return body.toString();
    }
}
