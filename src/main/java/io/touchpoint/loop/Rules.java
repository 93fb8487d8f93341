package io.touchpoint.loop;

import io.touchpoint.customers.Segments;
import io.touchpoint.loop.internal.RuleChecks;
import io.touchpoint.loop.internal.RuleRepository;
import io.touchpoint.loop.internal.RuleTrial;
import io.touchpoint.loop.internal.SettingsRepository;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Store;
import io.touchpoint.text.TextAnalytics;
import io.touchpoint.text.ThemeDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The loop module's face for rules: create, edit, disable, and try them on past data. */
@Service
public class Rules {

    /** How far back a dry run looks. */
    public static final int TRIAL_DAYS = 30;

    private final Store store;
    private final RuleRepository rules;
    private final RuleTrial trial;
    private final Segments segments;
    private final SettingsRepository settings;
    private final TextAnalytics text;
    private final Clock clock;

    Rules(
            Store store,
            RuleRepository rules,
            RuleTrial trial,
            Segments segments,
            SettingsRepository settings,
            TextAnalytics text,
            Clock clock) {
        this.text = text;
        this.store = store;
        this.settings = settings;
        this.rules = rules;
        this.trial = trial;
        this.segments = segments;
        this.clock = clock;
    }

    /** The workspace's rules, oldest first (the default rule is created on first use). */
    public List<Rule> list(UUID workspaceId) {
        seed(workspaceId);
        return rules.list(workspaceId);
    }

    public Rule get(UUID workspaceId, UUID id) {
        return rules.get(workspaceId, id).orElseThrow(() -> new NotFoundException("No rule " + id));
    }

    /**
     * Reads and checks a rule: {@code {"name", "enabled", "when":{…}, "segmentId", "actions":[…]}}.
     *
     * @throws io.touchpoint.platform.InvalidInputException naming each failing field
     */
    public Parsed parse(UUID workspaceId, JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = RuleChecks.name(body.path("name").asString(null), problems);
        RuleDefinition definition = RuleChecks.definition(body, problems);
        if (definition != null && definition.segmentId() != null) {
            try {
                segments.get(workspaceId, definition.segmentId());
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("segmentId", "no such segment in this workspace"));
            }
        }
        if (definition != null && definition.when().theme() != null) {
            List<String> themes =
                    text.taxonomy(workspaceId).stream().map(ThemeDefinition::id).toList();
            if (!themes.contains(definition.when().theme())) {
                problems.add(new FieldProblem(
                        "when.theme", "is not a theme of this workspace's taxonomy; use one of " + themes));
            }
        }
        JsonNode enabled = body.path("enabled");
        if (!enabled.isMissingNode() && !enabled.isBoolean()) {
            problems.add(new FieldProblem("enabled", "must be true or false"));
        }
        RuleChecks.throwIfAny(problems);
        return new Parsed(name, enabled.isMissingNode() || enabled.asBoolean(), definition);
    }

    /** A checked rule, not yet stored. */
    public record Parsed(String name, boolean enabled, RuleDefinition definition) {}

    public Rule create(UUID workspaceId, JsonNode body) {
        Parsed p = parse(workspaceId, body);
        seed(workspaceId);
        UUID id = Ids.next();
        Instant now = clock.instant();
        store.write(tx -> {
            RuleRepository.insert(tx, workspaceId, id, p.name(), p.enabled(), p.definition(), now);
            return null;
        });
        return get(workspaceId, id);
    }

    public Rule update(UUID workspaceId, UUID id, JsonNode body) {
        get(workspaceId, id);
        Parsed p = parse(workspaceId, body);
        Instant now = clock.instant();
        store.write(tx -> RuleRepository.update(tx, workspaceId, id, p.name(), p.enabled(), p.definition(), now));
        return get(workspaceId, id);
    }

    public Rule setEnabled(UUID workspaceId, UUID id, boolean enabled) {
        Rule rule = get(workspaceId, id);
        Instant now = clock.instant();
        store.write(tx -> RuleRepository.update(tx, workspaceId, id, rule.name(), enabled, rule.definition(), now));
        return get(workspaceId, id);
    }

    public void delete(UUID workspaceId, UUID id) {
        int removed = store.write(tx -> RuleRepository.delete(tx, workspaceId, id));
        if (removed == 0) {
            throw new NotFoundException("No rule " + id);
        }
    }

    /** What a dry run found: how often the rule would have fired in the last {@link #TRIAL_DAYS} days. */
    public record Trial(long wouldHaveFired, long looked, int days) {}

    /** Runs a rule (stored or not) over the last 30 days without doing anything. */
    public Trial dryRun(UUID workspaceId, RuleDefinition definition) {
        return trial.run(workspaceId, definition, TRIAL_DAYS);
    }

    /** Gives the workspace its default rule now if the worker has not yet (a read first: no write per page view). */
    private void seed(UUID workspaceId) {
        if (settings.seeded(workspaceId)) {
            return;
        }
        Instant now = clock.instant();
        store.write(tx -> SettingsRepository.seed(tx, workspaceId, now));
    }
}
