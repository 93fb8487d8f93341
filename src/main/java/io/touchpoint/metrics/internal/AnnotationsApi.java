package io.touchpoint.metrics.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.metrics.Annotation;
import io.touchpoint.metrics.Annotations;
import io.touchpoint.metrics.BeforeAfter;
import io.touchpoint.workspace.CurrentWorkspace;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Annotated changes and the before/after comparison of every KPI around one. */
@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Metrics")
class AnnotationsApi {

    /** The body of a new annotation. */
    record NewAnnotation(LocalDate date, String label) {}

    private final Annotations annotations;
    private final BeforeAfter beforeAfter;

    AnnotationsApi(Annotations annotations, BeforeAfter beforeAfter) {
        this.annotations = annotations;
        this.beforeAfter = beforeAfter;
    }

    @GetMapping("/annotations")
    @Operation(summary = "The workspace's annotated changes, newest first")
    Map<String, List<Annotation>> list() {
        return Map.of("items", annotations.list(CurrentWorkspace.id()));
    }

    @PostMapping("/annotations")
    @Operation(summary = "Annotate a change: {\"date\":\"2026-11-10\",\"label\":\"new checkout\"}")
    ResponseEntity<Annotation> add(@RequestBody NewAnnotation body) {
        Annotation created = annotations.add(CurrentWorkspace.id(), body.date(), body.label());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @DeleteMapping("/annotations/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        annotations.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/compare")
    @Operation(
            summary = "Every KPI in equal windows before and after a date (or an annotation's date)",
            description = "days: window length (default 28, shorter when the after window would pass today); "
                    + "each KPI with value, n and 95% interval in both windows, the change and its significance.")
    Map<String, Object> compare(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID annotationId,
            @RequestParam(required = false) Integer days) {
        UUID workspaceId = CurrentWorkspace.id();
        LocalDate on = annotationId != null
                ? annotations.get(workspaceId, annotationId).date()
                : date;
        return beforeAfter.compare(workspaceId, on, days);
    }
}
