package io.touchpoint.customers.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.customers.CustomerSummary;
import io.touchpoint.customers.Segment;
import io.touchpoint.customers.SegmentDefinition;
import io.touchpoint.customers.Segments;
import io.touchpoint.platform.InvalidInputException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rule-based segments with live member counts and member lists. */
@RestController
@RequestMapping("/api/v1/segments")
@Tag(name = "Segments")
class SegmentsApi {

    /** A segment as sent: {@code {"name":"…","match":"all","rules":[…]}}. */
    record SegmentRequest(String name, String description, String match, List<Map<String, Object>> rules) {
        SegmentDefinition definition() {
            return new SegmentDefinition(match == null ? "all" : match, rules);
        }
    }

    private final Segments segments;

    SegmentsApi(Segments segments) {
        this.segments = segments;
    }

    @PostMapping
    @Operation(summary = "Create a segment from rules (trait, event_count, orders, rfm)")
    ResponseEntity<Segment> create(@RequestBody SegmentRequest request) {
        Segment created =
                segments.create(CurrentWorkspace.id(), request.name(), request.description(), request.definition());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @PostMapping("/preview")
    @Operation(summary = "How many customers the rules match now, without saving")
    Map<String, Long> preview(@RequestBody SegmentRequest request) {
        return Map.of("members", segments.count(CurrentWorkspace.id(), request.definition()));
    }

    @GetMapping
    Map<String, List<Segment>> list() {
        return Map.of("items", segments.list(CurrentWorkspace.id()));
    }

    @GetMapping("/{id}")
    Segment get(@PathVariable UUID id) {
        return segments.get(CurrentWorkspace.id(), id);
    }

    @PutMapping("/{id}")
    Segment update(@PathVariable UUID id, @RequestBody SegmentRequest request) {
        return segments.update(CurrentWorkspace.id(), id, request.name(), request.description(), request.definition());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        segments.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "The segment's members, most recently active first")
    Map<String, List<CustomerSummary>> members(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new InvalidInputException("limit", "must be from 1 to 1000 (and offset not negative)");
        }
        return Map.of("items", segments.memberPage(CurrentWorkspace.id(), id, limit, offset));
    }
}
