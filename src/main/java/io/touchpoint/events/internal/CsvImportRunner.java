package io.touchpoint.events.internal;

import io.touchpoint.events.BatchResult;
import io.touchpoint.events.ImportJob;
import io.touchpoint.events.Ingestion;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.workspace.Workspaces;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads CSV files (Apache Commons CSV), then stores their rows in the background, one job at a time. */
@Component
public class CsvImportRunner {

    private static final Logger log = LoggerFactory.getLogger(CsvImportRunner.class);
    static final int MAX_ROWS = 500_000;
    static final int BATCH = 500;
    static final int KEEP_JOBS = 50;
    static final int MAX_REPORTED_ERRORS = 1000;

    private final Ingestion ingestion;
    private final Workspaces workspaces;
    private final Clock clock;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "touchpoint-csv-import");
        thread.setDaemon(true);
        return thread;
    });

    CsvImportRunner(Ingestion ingestion, Workspaces workspaces, Clock clock) {
        this.ingestion = ingestion;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    public ImportJob start(UUID workspaceId, String kind, String fileName, InputStream csv) {
        if (!"customers".equals(kind) && !"orders".equals(kind)) {
            throw new InvalidInputException("kind", "must be customers or orders");
        }
        List<Map<String, String>> rows = read(csv, kind);
        var zone = workspaces.get(workspaceId).timeZone();
        CsvRows.Built built = "customers".equals(kind) ? CsvRows.customers(rows, zone) : CsvRows.orders(rows, zone);
        Job job = new Job(
                Ids.next(),
                workspaceId,
                kind,
                fileName == null ? "upload.csv" : fileName,
                rows.size(),
                clock.instant());
        job.errors.addAll(built.errors());
        job.processed = built.errors().size();
        forgetOld(workspaceId);
        jobs.put(job.id, job);
        worker.submit(() -> run(job, built));
        return job.snapshot();
    }

    public ImportJob get(UUID workspaceId, UUID jobId) {
        Job job = jobs.get(jobId);
        if (job == null || !job.workspaceId.equals(workspaceId)) {
            throw new NotFoundException("No import " + jobId + " (imports are kept until 50 newer ones or a restart)");
        }
        return job.snapshot();
    }

    public List<ImportJob> recent(UUID workspaceId) {
        return jobs.values().stream()
                .filter(j -> j.workspaceId.equals(workspaceId))
                .sorted(Comparator.comparing((Job j) -> j.startedAt).reversed())
                .map(Job::snapshot)
                .toList();
    }

    private void run(Job job, CsvRows.Built built) {
        try {
            List<ObjectNode> messages = built.messages();
            for (int start = 0; start < messages.size(); start += BATCH) {
                int end = Math.min(messages.size(), start + BATCH);
                List<JsonNode> batch = new ArrayList<>(messages.subList(start, end));
                BatchResult result = ingestion.ingest(job.workspaceId, batch, null);
                Map<Integer, List<String>> refused = new LinkedHashMap<>();
                for (BatchResult.Rejection rejection : result.rejected()) {
                    for (int line : built.lines().get(start + rejection.index())) {
                        refused.computeIfAbsent(line, k -> new ArrayList<>()).addAll(rejection.errors());
                    }
                }
                synchronized (job) {
                    refused.forEach((line, reasons) -> job.errors.add(new ImportJob.RowError(line, reasons)));
                    for (int i = start; i < end; i++) {
                        int lines = built.lines().get(i).size();
                        boolean statusEvent =
                                i > 0 && built.lines().get(i) == built.lines().get(i - 1);
                        if (!statusEvent) {
                            job.processed += lines;
                            if (!refused.containsKey(built.lines().get(i).get(0))) {
                                job.imported += lines;
                            }
                        }
                    }
                }
            }
            job.finish("done", null, clock.instant());
        } catch (RuntimeException e) {
            log.error("CSV import {} failed", job.id, e);
            job.finish("failed", e.getMessage(), clock.instant());
        }
    }

    private static List<Map<String, String>> read(InputStream csv, String kind) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(false)
                .get();
        try (Reader reader = new InputStreamReader(csv, decoder);
                CSVParser parser = CSVParser.parse(skipBom(reader), format)) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String header : parser.getHeaderNames()) {
                columns.put(header, column(header));
            }
            List<String> required =
                    "customers".equals(kind) ? List.of("user_id") : List.of("order_id", "user_id", "placed_at");
            List<String> missing =
                    required.stream().filter(r -> !columns.containsValue(r)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(
                        "file",
                        "the header row lacks the column(s) " + missing + "; found "
                                + new ArrayList<>(columns.values()));
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows; split it");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (Map.Entry<String, String> column : columns.entrySet()) {
                    row.put(
                            column.getValue(),
                            record.isMapped(column.getKey()) && record.isSet(column.getKey())
                                    ? record.get(column.getKey())
                                    : null);
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw new InvalidInputException("file", "has a header but no rows");
            }
            return rows;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "is not UTF-8 text (save it as CSV UTF-8)");
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidInputException("file", "is not UTF-8 text (save it as CSV UTF-8)");
            }
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
                if (cause instanceof CharacterCodingException) {
                    throw new InvalidInputException("file", "is not UTF-8 text (save it as CSV UTF-8)");
                }
            }
            throw new InvalidInputException("file", "is not a readable CSV file: " + cause.getMessage());
        }
    }

    /** Header names as columns: trimmed, lower case, camelCase and spaces to snake_case (userId → user_id). */
    static String column(String header) {
        return header.trim()
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\-]+", "_");
    }

    private static Reader skipBom(Reader reader) throws IOException {
        var pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private void forgetOld(UUID workspaceId) {
        List<Job> mine = new ArrayList<>(jobs.values().stream()
                .filter(j -> j.workspaceId.equals(workspaceId))
                .toList());
        if (mine.size() >= KEEP_JOBS) {
            mine.sort(Comparator.comparing(j -> j.startedAt));
            mine.subList(0, mine.size() - KEEP_JOBS + 1).forEach(j -> jobs.remove(j.id));
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** A job's mutable progress; read through snapshots. */
    private static final class Job {
        final UUID id;
        final UUID workspaceId;
        final String kind;
        final String fileName;
        final int rows;
        final Instant startedAt;
        final List<ImportJob.RowError> errors = Collections.synchronizedList(new ArrayList<>());
        volatile int processed;
        volatile int imported;
        volatile String status = "running";
        volatile Instant finishedAt;
        volatile String failure;

        Job(UUID id, UUID workspaceId, String kind, String fileName, int rows, Instant startedAt) {
            this.id = id;
            this.workspaceId = workspaceId;
            this.kind = kind;
            this.fileName = fileName;
            this.rows = rows;
            this.startedAt = startedAt;
        }

        void finish(String finalStatus, String why, Instant at) {
            failure = why;
            finishedAt = at;
            status = finalStatus;
        }

        synchronized ImportJob snapshot() {
            List<ImportJob.RowError> report = new ArrayList<>(errors);
            report.sort(Comparator.comparingInt(ImportJob.RowError::line));
            if (report.size() > MAX_REPORTED_ERRORS) {
                report = report.subList(0, MAX_REPORTED_ERRORS);
            }
            return new ImportJob(
                    id,
                    kind,
                    fileName,
                    status,
                    rows,
                    Math.min(processed, rows),
                    imported,
                    List.copyOf(report),
                    startedAt,
                    finishedAt,
                    failure);
        }
    }
}
