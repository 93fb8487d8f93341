package io.touchpoint.events;

import io.touchpoint.events.internal.CsvImportRunner;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * CSV import of customers and orders. The file is read and checked at once (a malformed file or a
 * missing required column is refused before anything is stored); the rows are then stored in the
 * background through the ingestion service, and {@link #get} reports progress and every refused row.
 */
@Service
public class CsvImports {

    private final CsvImportRunner runner;

    CsvImports(CsvImportRunner runner) {
        this.runner = runner;
    }

    /** @param kind customers or orders */
    public ImportJob start(UUID workspaceId, String kind, String fileName, InputStream csv) {
        return runner.start(workspaceId, kind, fileName, csv);
    }

    public ImportJob get(UUID workspaceId, UUID jobId) {
        return runner.get(workspaceId, jobId);
    }

    public List<ImportJob> recent(UUID workspaceId) {
        return runner.recent(workspaceId);
    }
}
