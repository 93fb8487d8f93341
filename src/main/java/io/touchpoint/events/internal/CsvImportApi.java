package io.touchpoint.events.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.events.CsvImports;
import io.touchpoint.events.ImportJob;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.workspace.CurrentWorkspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV import over HTTP: {@code POST /api/v1/imports/customers} or {@code /orders} with the file as
 * multipart {@code file} or as a {@code text/csv} body; answers 202 with the job to poll.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "CSV import of customers and orders, with a per-row error report")
class CsvImportApi {

    private final CsvImports imports;

    CsvImportApi(CsvImports imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/{kind}", consumes = "multipart/form-data")
    @Operation(summary = "Start importing a CSV file (multipart field 'file')")
    ResponseEntity<ImportJob> upload(@PathVariable String kind, @RequestParam("file") MultipartFile file)
            throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "is empty");
        }
        return accepted(imports.start(CurrentWorkspace.id(), kind, file.getOriginalFilename(), file.getInputStream()));
    }

    @PostMapping(value = "/{kind}", consumes = "text/csv")
    @Operation(summary = "Start importing a CSV body (Content-Type: text/csv; charset=utf-8)")
    ResponseEntity<ImportJob> body(@PathVariable String kind, @RequestBody byte[] csv) {
        return accepted(imports.start(CurrentWorkspace.id(), kind, "body.csv", new ByteArrayInputStream(csv)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's progress and its per-row error report")
    ImportJob get(@PathVariable UUID id) {
        return imports.get(CurrentWorkspace.id(), id);
    }

    @GetMapping
    Map<String, List<ImportJob>> recent() {
        return Map.of("items", imports.recent(CurrentWorkspace.id()));
    }

    private static ResponseEntity<ImportJob> accepted(ImportJob job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/v1/imports/" + job.id())
                .body(job);
    }
}
