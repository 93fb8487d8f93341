package io.touchpoint.loop.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.loop.Rule;
import io.touchpoint.loop.Rules;
import io.touchpoint.workspace.CurrentWorkspace;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Rules: conditions on responses and events, and what happens when they hold. */
@RestController
@RequestMapping("/api/v1/rules")
@Tag(name = "Rules")
class RulesApi {

    private final Rules rules;

    RulesApi(Rules rules) {
        this.rules = rules;
    }

    @GetMapping
    Map<String, List<Rule>> list() {
        return Map.of("items", rules.list(CurrentWorkspace.id()));
    }

    @PostMapping
    @Operation(summary = "Create a rule: name, enabled, when {type, …}, segmentId, actions [{type, …}]")
    ResponseEntity<Rule> create(@RequestBody JsonNode body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(rules.create(CurrentWorkspace.id(), body));
    }

    @GetMapping("/{id}")
    Rule get(@PathVariable UUID id) {
        return rules.get(CurrentWorkspace.id(), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a rule (same shape as create)")
    Rule update(@PathVariable UUID id, @RequestBody JsonNode body) {
        return rules.update(CurrentWorkspace.id(), id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        rules.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dry-run")
    @Operation(summary = "How often a rule (not stored) would have fired in the last 30 days")
    Rules.Trial dryRun(@RequestBody JsonNode body) {
        var parsed = rules.parse(CurrentWorkspace.id(), body);
        return rules.dryRun(CurrentWorkspace.id(), parsed.definition());
    }

    @PostMapping("/{id}/dry-run")
    @Operation(summary = "How often a stored rule would have fired in the last 30 days")
    Rules.Trial dryRunStored(@PathVariable UUID id) {
        return rules.dryRun(
                CurrentWorkspace.id(), rules.get(CurrentWorkspace.id(), id).definition());
    }
}
