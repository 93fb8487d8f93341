package io.touchpoint.loop.internal;

import io.touchpoint.customers.Segments;
import io.touchpoint.loop.Rule;
import io.touchpoint.loop.RuleDefinition;
import io.touchpoint.loop.RuleDefinition.When;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.PollingThread;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.text.EmergingTheme;
import io.touchpoint.text.TextAnalysis;
import io.touchpoint.text.TextAnalytics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the rules, every poll interval, on one background thread:
 * <ol>
 *   <li>gives new workspaces their loop settings and the default rule;
 *   <li>looks at each finished response and each event a rule names exactly once: every item is
 *       marked scanned in the same write as whatever the rules did about it, and a rule's firing
 *       has a unique key (rule, item), so a restart or a re-scan never fires twice. There is no
 *       moving cursor over responses that could skip a row committed late: the scan takes every
 *       unmarked item of the look-back window;
 *   <li>about once a minute, checks the workspaces' "theme rises" rules against the emerging themes
 *       of the text module: such a rule fires once per theme and ISO week;
 *   <li>escalates cases about to breach their SLA, and sends the loop's queued mail.
 * </ol>
 */
@Component
public class RuleWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleWorker.class);
    static final int BATCH = 500;
    private static final int MAX_THEME_TEXT = 10_000;

    private final Store store;
    private final RuleRepository rules;
    private final SettingsRepository settings;
    private final RuleActions actions;
    private final Escalations escalations;
    private final LoopMail mail;
    private final Segments segments;
    private final TextAnalytics text;
    private final LoopProperties properties;
    private final Clock clock;
    private volatile PollingThread thread;
    private Instant lastThemeScan = Instant.EPOCH;

    RuleWorker(
            Store store,
            RuleRepository rules,
            SettingsRepository settings,
            RuleActions actions,
            Escalations escalations,
            LoopMail mail,
            Segments segments,
            TextAnalytics text,
            LoopProperties properties,
            Clock clock) {
        this.store = store;
        this.rules = rules;
        this.settings = settings;
        this.actions = actions;
        this.escalations = escalations;
        this.mail = mail;
        this.segments = segments;
        this.text = text;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        mail.recoverInterrupted();
        thread = PollingThread.start("loop-rules", properties.pollInterval(), this::tick);
    }

    @Override
    public void stop() {
        PollingThread running = thread;
        thread = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** One round; public so that the demo can run the rules over what it just loaded. */
    public synchronized void tick() {
        try {
            seed();
            while (scanResponses() == BATCH) {
                // a backlog (a restart, the demo): keep going until it is worked off
            }
            while (scanEvents() == BATCH) {
                // as above
            }
            Instant now = clock.instant();
            if (!now.isBefore(lastThemeScan.plus(themeScanInterval()))) {
                lastThemeScan = now;
                scanThemes();
            }
            escalations.run();
            mail.sendPending();
        } catch (RuntimeException e) {
            log.error("Loop rule round failed; will retry", e);
        }
    }

    void seed() {
        for (UUID workspaceId : settings.unseeded()) {
            Instant now = clock.instant();
            store.write(tx -> SettingsRepository.seed(tx, workspaceId, now));
        }
    }

    /** A response or event that rules look at. */
    record Item(UUID workspaceId, String type, String id, UUID customerId, UUID responseId, Instant at) {}

    int scanResponses() {
        Instant now = clock.instant();
        List<Item> items = store.reads()
                .sql("select r.workspace_id, r.id, r.customer_id, r.finished_at from responses r "
                        + "where not r.partial and r.finished_at >= ? and not exists (select 1 from loop_scanned s "
                        + "where s.workspace_id = r.workspace_id and s.item_type = 'response' "
                        + "and s.item_id = cast(r.id as varchar)) order by r.finished_at limit ?")
                .params(Sql.ts(now.minus(properties.lookback())), BATCH)
                .query((rs, n) -> new Item(
                        Sql.uuid(rs, "workspace_id"),
                        "response",
                        Sql.uuid(rs, "id").toString(),
                        Sql.uuid(rs, "customer_id"),
                        Sql.uuid(rs, "id"),
                        Sql.instant(rs, "finished_at")))
                .list();
        if (items.isEmpty()) {
            return 0;
        }
        Map<UUID, List<Rule>> byWorkspace = enabledRules(RuleDefinition::onResponses);
        Map<UUID, ResponseFacts> facts = facts(items.stream()
                .filter(i -> byWorkspace.containsKey(i.workspaceId()))
                .map(Item::responseId)
                .toList());
        addThemes(items, byWorkspace, facts);
        List<RuleActions.Firing> firings = new ArrayList<>();
        for (Item item : items) {
            ResponseFacts f = facts.get(item.responseId());
            for (Rule rule : byWorkspace.getOrDefault(item.workspaceId(), List.of())) {
                if (f != null && RuleMatcher.matches(rule.definition().when(), f) && inSegment(item, rule)) {
                    firings.add(new RuleActions.Firing(
                            item, rule, describe(rule.definition().when(), f)));
                }
            }
        }
        actions.apply(items, firings);
        return items.size();
    }

    /**
     * Finds the themes of the text answers, with the workspace's taxonomy, for workspaces that have
     * a theme rule: the same analysis the text module stores, done here so a rule never waits for it.
     */
    private void addThemes(List<Item> items, Map<UUID, List<Rule>> byWorkspace, Map<UUID, ResponseFacts> facts) {
        for (Map.Entry<UUID, List<Rule>> entry : byWorkspace.entrySet()) {
            boolean wanted = entry.getValue().stream()
                    .anyMatch(r -> When.THEME.equals(r.definition().when().type()));
            if (wanted) {
                List<UUID> ids = items.stream()
                        .filter(i -> i.workspaceId().equals(entry.getKey()))
                        .map(Item::responseId)
                        .toList();
                addThemes(entry.getKey(), ids, facts);
            }
        }
    }

    /** Adds the themes of these responses' text answers to their facts. */
    void addThemes(UUID workspaceId, List<UUID> responseIds, Map<UUID, ResponseFacts> facts) {
        List<UUID> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (UUID id : responseIds) {
            ResponseFacts f = facts.get(id);
            if (f != null) {
                for (String t : f.texts()) {
                    ids.add(id);
                    texts.add(t.length() > MAX_THEME_TEXT ? t.substring(0, MAX_THEME_TEXT) : t);
                }
            }
        }
        for (int from = 0; from < texts.size(); from += 1000) {
            int to = Math.min(texts.size(), from + 1000);
            List<TextAnalysis> analyses = text.analyze(workspaceId, texts.subList(from, to));
            Map<UUID, Set<String>> themes = new HashMap<>();
            for (int i = from; i < to; i++) {
                themes.computeIfAbsent(
                                ids.get(i),
                                k -> new java.util.HashSet<>(facts.get(k).themes()))
                        .addAll(analyses.get(i - from).themes());
            }
            themes.forEach((id, found) -> facts.put(id, facts.get(id).withThemes(found)));
        }
    }

    /** "Theme X rises": one item per theme and ISO week, so a rule fires at most once a week per theme. */
    int scanThemes() {
        Map<UUID, List<Rule>> byWorkspace =
                enabledRules(d -> When.THEME_RISES.equals(d.when().type()));
        Instant now = clock.instant();
        String weekKey = now.atZone(ZoneOffset.UTC).get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + now.atZone(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        List<Item> scanned = new ArrayList<>();
        List<RuleActions.Firing> firings = new ArrayList<>();
        for (Map.Entry<UUID, List<Rule>> entry : byWorkspace.entrySet()) {
            Map<String, EmergingTheme> emerging = new HashMap<>();
            for (EmergingTheme theme : text.emergingThemes(entry.getKey(), now)) {
                emerging.put(theme.id(), theme);
            }
            for (Rule rule : entry.getValue()) {
                EmergingTheme theme = emerging.get(rule.definition().when().theme());
                if (theme == null) {
                    continue;
                }
                Item item = new Item(entry.getKey(), "theme", theme.id() + "@" + weekKey, null, null, now);
                scanned.add(item);
                firings.add(new RuleActions.Firing(item, rule, describe(theme)));
            }
        }
        if (!firings.isEmpty()) {
            actions.apply(scanned, firings);
        }
        return firings.size();
    }

    static String describe(EmergingTheme theme) {
        return "theme " + theme.nameEn() + " rises: " + Math.round(theme.latestShare() * 1000) / 10.0 + "% of "
                + theme.latestComments() + " comments this week (was " + Math.round(theme.baselineShare() * 1000) / 10.0
                + "%)";
    }

    private Duration themeScanInterval() {
        Duration six = properties.pollInterval().multipliedBy(6);
        return six.compareTo(Duration.ofMinutes(1)) < 0 ? six : Duration.ofMinutes(1);
    }

    int scanEvents() {
        Map<UUID, List<Rule>> byWorkspace =
                enabledRules(d -> When.EVENT.equals(d.when().type()));
        if (byWorkspace.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant since = now.minus(properties.lookback());
        List<Item> items = new ArrayList<>();
        for (Map.Entry<UUID, List<Rule>> entry : byWorkspace.entrySet()) {
            Set<String> names = entry.getValue().stream()
                    .map(r -> r.definition().when().event())
                    .collect(Collectors.toSet());
            InList in = InList.of(List.copyOf(names));
            List<Object> params = new ArrayList<>(in.params(entry.getKey()));
            params.add(Sql.ts(since));
            params.add(Sql.ts(since));
            params.add(BATCH - items.size());
            items.addAll(store.reads()
                    .sql("select e.message_id, e.event, e.ts, c.root_id from events e join customers c "
                            + "on c.workspace_id = e.workspace_id and c.id = e.customer_id where e.workspace_id = ? "
                            + "and e.type = 'track' and e.event in (" + in.marks() + ") and e.received_at >= ? "
                            + "and e.ts >= ? and not exists (select 1 from loop_scanned s where s.workspace_id = "
                            + "e.workspace_id and s.item_type = 'event' and s.item_id = e.message_id) "
                            + "order by e.received_at limit ?")
                    .params(params)
                    .query((rs, n) -> new Item(
                            entry.getKey(),
                            "event:" + rs.getString("event"),
                            rs.getString("message_id"),
                            Sql.uuid(rs, "root_id"),
                            null,
                            Sql.instant(rs, "ts")))
                    .list());
            if (items.size() >= BATCH) {
                break;
            }
        }
        if (items.isEmpty()) {
            return 0;
        }
        List<RuleActions.Firing> firings = new ArrayList<>();
        List<Item> scanned = new ArrayList<>();
        for (Item item : items) {
            String event = item.type().substring("event:".length());
            Item plain = new Item(item.workspaceId(), "event", item.id(), item.customerId(), null, item.at());
            scanned.add(plain);
            for (Rule rule : byWorkspace.get(item.workspaceId())) {
                When when = rule.definition().when();
                if (!when.event().equals(event)) {
                    continue;
                }
                long count = countEvents(item.workspaceId(), item.customerId(), event, item.at(), when.withinDays());
                if (RuleMatcher.matches(when, count) && inSegment(plain, rule)) {
                    firings.add(new RuleActions.Firing(
                            plain, rule, event + " ×" + count + " in " + when.withinDays() + " days"));
                }
            }
        }
        actions.apply(scanned, firings);
        return items.size();
    }

    private long countEvents(UUID workspaceId, UUID rootId, String event, Instant at, int days) {
        return store.reads()
                .sql("select count(*) from events e join customers c on c.workspace_id = e.workspace_id "
                        + "and c.id = e.customer_id where e.workspace_id = ? and c.root_id = ? and e.type = 'track' "
                        + "and e.event = ? and e.ts > ? and e.ts <= ?")
                .params(workspaceId, rootId, event, Sql.ts(at.minus(Duration.ofDays(days))), Sql.ts(at))
                .query(Long.class)
                .single();
    }

    private boolean inSegment(Item item, Rule rule) {
        UUID segmentId = rule.definition().segmentId();
        if (segmentId == null) {
            return true;
        }
        if (item.customerId() == null) {
            return false;
        }
        try {
            return segments.isMember(item.workspaceId(), segmentId, item.customerId());
        } catch (NotFoundException e) {
            return false;
        }
    }

    private Map<UUID, List<Rule>> enabledRules(Predicate<RuleDefinition> kind) {
        Map<UUID, List<Rule>> byWorkspace = new LinkedHashMap<>();
        for (RuleRepository.Active active : rules.enabled()) {
            if (kind.test(active.rule().definition())) {
                byWorkspace
                        .computeIfAbsent(active.workspaceId(), k -> new ArrayList<>())
                        .add(active.rule());
            }
        }
        return byWorkspace;
    }

    /** The answers rules look at, per response. */
    Map<UUID, ResponseFacts> facts(List<UUID> responseIds) {
        Map<UUID, ResponseFacts> facts = new HashMap<>();
        if (responseIds.isEmpty()) {
            return facts;
        }
        InList in = InList.of(responseIds);
        Map<UUID, Integer> nps = new HashMap<>();
        store.reads()
                .sql("select id, nps_score from responses where id in (" + in.marks() + ")")
                .params(List.copyOf(in.values()))
                .query(rs -> {
                    nps.put(Sql.uuid(rs, "id"), (Integer) rs.getObject("nps_score"));
                });
        Map<UUID, List<ResponseFacts.Answer>> answers = new HashMap<>();
        store.reads()
                .sql("select response_id, question_type, value_number, value_text, scale_max, reversed from answers "
                        + "where response_id in (" + in.marks() + ")")
                .params(List.copyOf(in.values()))
                .query(rs -> {
                    Object number = rs.getObject("value_number");
                    Object scale = rs.getObject("scale_max");
                    answers.computeIfAbsent(Sql.uuid(rs, "response_id"), k -> new ArrayList<>())
                            .add(new ResponseFacts.Answer(
                                    rs.getString("question_type"),
                                    number == null ? null : ((Number) number).doubleValue(),
                                    rs.getString("value_text"),
                                    scale == null ? null : ((Number) scale).intValue(),
                                    rs.getBoolean("reversed")));
                });
        for (UUID id : responseIds) {
            Integer score = nps.get(id);
            facts.put(id, ResponseFacts.of(score, answers.getOrDefault(id, List.of())));
        }
        return facts;
    }

    static String describe(When when, ResponseFacts f) {
        return switch (when.type()) {
            case When.NPS -> "NPS " + f.nps();
            case When.CSAT -> "CSAT "
                    + fmt(f.csat().stream().min(Double::compare).orElse(null));
            case When.CES -> "CES " + fmt(f.ces().stream().min(Double::compare).orElse(null));
            case When.COMMENT -> "comment mentions \"" + when.word() + "\"";
            case When.THEME -> "comment about " + when.theme();
            default -> when.type();
        };
    }

    private static String fmt(Double d) {
        return d == null ? "?" : d == Math.rint(d) ? String.valueOf(d.intValue()) : String.valueOf(d);
    }
}
