package figtrace.pipeline;

import figtrace.ingest.IngestStage;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.rules.Rules;
import figtrace.rules.RulesException;
import figtrace.store.DocumentRow;
import figtrace.store.OutputWriter;
import figtrace.store.Store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the pipeline over a corpus folder and writes every output. One bad file never stops the run: whatever goes
 * wrong with a document becomes its status and issues, and the next document is processed.
 *
 * <p>Runs are incremental. A document is extracted again only when its content (sha256), the rules' fingerprint or
 * {@link ExtractorVersion} differ from what its stored row records; otherwise its stored rows are reused. The file is
 * not even read when its size and modification time equal the stored ones — a time is stored only when it was at least
 * {@link #TRUSTED_AGE_NANOS} old when the file was read, so a file written again within the same clock tick is still
 * re-hashed. A document whose stored rows do not add up ({@link Store#incompleteDocuments()}) is extracted again. A file that left the corpus is retired (rows kept, flagged); a file renamed without other change keeps its
 * rows under its new name. Each document is saved in its own transaction, so a run killed at any point leaves a
 * consistent database and the next run does what is left. Outputs are written at the end, complete, from the store.
 */
public final class CorpusRunner {
    /** Hears about progress; the CLI prints it, tests count it. */
    public interface Listener {
        default void started(int total) {}
        /** A document is about to be extracted (read and parsed). */
        default void documentStarted(int index, int total, String name) {}
        default void documentDone(DocumentResult result) {}
        /** A document's stored rows are still right: nothing was extracted. */
        default void documentReused(String name) {}
        default void documentRenamed(String from, String to) {}
        default void documentRetired(String name) {}
        default void skipped(String name, String reason) {}
    }

    /** Makes the pipeline when the first document needs extraction; a no-change run never loads the rules. */
    public interface PipelineSource {
        Pipeline create() throws RulesException;
    }

    /**
     * @param documents documents in the corpus now; {@code failed} those of them whose status is a failure
     * @param extracted documents extracted in this run; {@code reused}, {@code renamed}, {@code retired} the others
     * @param cancelled the run was {@linkplain #cancel() cancelled}: the documents done so far are saved, nothing was
     *                  retired and the outputs were not rewritten; the next run does the rest
     */
    public record Summary(int documents, Map<DocStatus, Integer> byStatus, int figures, List<DocumentRow> failed,
                          List<String> skipped, long millis, int extracted, int reused, int renamed, int retired,
                          boolean cancelled) {
        public boolean anyFailed() { return !failed.isEmpty(); }
    }

    /** A modification time younger than this when the file is read is not stored, so it never skips a re-hash. */
    static final long TRUSTED_AGE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** More outputs made from the store once the run's own are written (the panel), inside the run lock. */
    public interface DerivedOutput {
        void write(Path db, Path out) throws IOException;
    }

    private final String rulesFingerprint;
    private final PipelineSource pipelineSource;
    private final List<DerivedOutput> derived = new ArrayList<>();
    private Pipeline pipeline;
    private volatile boolean cancelled;

    public CorpusRunner(Rules rules) {
        this(rules.fingerprint(), () -> new Pipeline(rules));
    }

    public CorpusRunner(String rulesFingerprint, PipelineSource pipelineSource) {
        this.rulesFingerprint = Objects.requireNonNull(rulesFingerprint);
        this.pipelineSource = pipelineSource;
    }

    /** Adds an output derived from the store, written after figures.jsonl and the rest on every finished run. */
    public CorpusRunner derive(DerivedOutput output) {
        derived.add(output);
        return this;
    }

    /** Asks a run under way (from another thread) to stop after the document it is on. */
    public void cancel() {
        cancelled = true;
    }

    public Summary run(Path corpus, Path out, Listener listener) throws IOException, RulesException {
        long t0 = System.nanoTime();
        List<Path> files = listFiles(corpus);
        List<Path> supported = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            String name = relativeName(corpus, f);
            if (IngestStage.supportedExtension(name)) {
                supported.add(f);
            } else {
                skipped.add(name);
                listener.skipped(name, "not a format figtrace reads (it reads .txt, .html, .htm, .pdf, .docx, .doc); skipped");
            }
        }
        Files.createDirectories(out);
        OutputWriter.removeLeftovers(out);
        listener.started(supported.size());
        Set<String> names = new LinkedHashSet<>();
        for (Path f : supported) names.add(relativeName(corpus, f));
        int extracted = 0, reused = 0, renamed = 0, retired = 0;
        try (Store store = Store.open(out.resolve("figtrace.db"))) {
            Stored stored = new Stored(store, names);
            for (int i = 0; i < supported.size() && !cancelled; i++) {
                switch (refresh(store, stored, supported.get(i), relativeName(corpus, supported.get(i)), i + 1,
                        supported.size(), listener)) {
                    case EXTRACTED -> extracted++;
                    case REUSED -> reused++;
                    case RENAMED -> renamed++;
                }
            }
            if (cancelled) {
                return new Summary(0, Map.of(), 0, List.of(), skipped, (System.nanoTime() - t0) / 1_000_000,
                        extracted, reused, renamed, retired, true);
            }
            for (DocumentRow row : stored.rows.values()) {
                if (!names.contains(row.doc()) && !row.retired() && !stored.movedAway.contains(row.doc())) {
                    store.retire(row.doc());
                    retired++;
                    listener.documentRetired(row.doc());
                }
            }
            return writeOutputs(store, names, out, skipped, t0, extracted, reused, renamed, retired);
        }
    }

    private enum Outcome { EXTRACTED, REUSED, RENAMED }

    /** What the store held when the run began, and the rows renamed files took over during it. */
    private final class Stored {
        final Map<String, DocumentRow> rows;
        final Set<String> incomplete;
        /** Rows whose file is gone, by content: a new file with the same content may take them over. */
        final Map<String, Deque<DocumentRow>> movable;
        final Set<String> movedAway = new HashSet<>();

        Stored(Store store, Set<String> names) {
            rows = store.documentRows();
            incomplete = store.incompleteDocuments();
            movable = movable(rows, names, incomplete);
        }

        /** Whether the document's rows were made by these rules and this extractor, and add up. */
        boolean current(DocumentRow row) {
            return row != null && row.madeBy(rulesFingerprint, ExtractorVersion.VALUE) && !incomplete.contains(row.doc());
        }
    }

    /** Brings one file's rows up to date: reuses them, moves a renamed file's rows to it, or extracts it. */
    private Outcome refresh(Store store, Stored stored, Path f, String name, int index, int total,
                            Listener listener) throws RulesException {
        DocumentRow row = stored.rows.get(name);
        boolean current = stored.current(row);
        FileStamp stamp = FileStamp.of(f);
        if (current && stamp != null && stamp.matches(row)) {
            if (row.retired()) store.markCurrent(name, stamp.size(), row.mtimeNanos());
            listener.documentReused(name);
            return Outcome.REUSED;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException | OutOfMemoryError e) {
            DocumentResult failure = failure(name, new byte[0], "unreadable", name + ": the file cannot be"
                    + " read (" + e.getMessage() + "); check that it exists and that you may read it");
            store.save(failure, new Store.Provenance(null, rulesFingerprint, ExtractorVersion.VALUE));
            listener.documentDone(failure);
            return Outcome.EXTRACTED;
        }
        String sha = IngestStage.sha256(bytes);
        Long trusted = stamp == null ? null : stamp.trustedMtime();
        if (current && row.sha256().equals(sha)) {
            store.markCurrent(name, bytes.length, trusted);
            listener.documentReused(name);
            return Outcome.REUSED;
        }
        DocumentRow from = takeMovable(stored.movable, sha, name);
        if (from != null) {
            store.rename(from.doc(), name, bytes.length, trusted);
            stored.movedAway.add(from.doc());
            listener.documentRenamed(from.doc(), name);
            return Outcome.RENAMED;
        }
        listener.documentStarted(index, total, name);
        DocumentResult result = extract(name, bytes);
        store.save(result, new Store.Provenance(trusted, rulesFingerprint, ExtractorVersion.VALUE));
        listener.documentDone(result);
        return Outcome.EXTRACTED;
    }

    /** Writes figures.jsonl, figures.csv and documents.csv from the store: the corpus's documents, in corpus order. */
    private Summary writeOutputs(Store store, Set<String> names, Path out, List<String> skipped, long t0,
                                        int extracted, int reused, int renamed, int retired) throws IOException {
        Map<String, DocumentRow> rows = store.documentRows();
        List<DocumentRow> current = names.stream().map(rows::get).filter(Objects::nonNull).toList();
        List<DocumentRow> retiredRows = rows.values().stream().filter(DocumentRow::retired).toList();
        List<Figure> figures = new ArrayList<>();
        List<figtrace.model.Entity> entities = new ArrayList<>();
        List<figtrace.model.Measure> measures = new ArrayList<>();
        List<figtrace.model.Table> tables = new ArrayList<>();
        Map<DocStatus, Integer> byStatus = new EnumMap<>(DocStatus.class);
        List<DocumentRow> failed = new ArrayList<>();
        for (DocumentRow row : current) {
            figures.addAll(store.figuresInExtractionOrder(row.doc()));
            entities.addAll(store.entities(row.doc()));
            measures.addAll(store.measures(row.doc()));
            tables.addAll(store.tables(row.doc()));
            byStatus.merge(row.status(), 1, Integer::sum);
            if (row.status().failed()) failed.add(row);
        }
        OutputWriter writer = new OutputWriter(out);
        writer.writeAll(current, retiredRows, figures, entities, measures);
        writer.writeTables(tables);
        for (DerivedOutput d : derived) d.write(store.file(), out);
        return new Summary(current.size(), byStatus, figures.size(), failed, skipped,
                (System.nanoTime() - t0) / 1_000_000, extracted, reused, renamed, retired, false);
    }

    /**
     * Stored documents whose file is gone, by content: a new file with the same content and extension takes their
     * rows. Documents with issues are left out, since their messages name the old file; those are extracted afresh.
     */
    private Map<String, Deque<DocumentRow>> movable(Map<String, DocumentRow> stored, Set<String> names,
                                                    Set<String> incomplete) {
        Map<String, Deque<DocumentRow>> bySha = new HashMap<>();
        for (DocumentRow row : stored.values()) {
            if (!names.contains(row.doc()) && row.madeBy(rulesFingerprint, ExtractorVersion.VALUE)
                    && row.issues().isEmpty() && !incomplete.contains(row.doc())) {
                bySha.computeIfAbsent(row.sha256(), k -> new ArrayDeque<>()).add(row);
            }
        }
        return bySha;
    }

    private static DocumentRow takeMovable(Map<String, Deque<DocumentRow>> movable, String sha, String name) {
        Deque<DocumentRow> candidates = movable.get(sha);
        if (candidates == null) return null;
        for (DocumentRow row : candidates) {
            if (extension(row.doc()).equals(extension(name))) {
                candidates.remove(row);
                return row;
            }
        }
        return null;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private DocumentResult extract(String name, byte[] bytes) throws RulesException {
        if (pipeline == null) pipeline = pipelineSource.create();
        return process(pipeline, name, bytes);
    }

    /** Never throws: a bug on one file becomes a parse_failed result with a message. */
    static DocumentResult process(Pipeline pipeline, String name, byte[] bytes) {
        try {
            return pipeline.extract(name, bytes);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failure(name, bytes, "internal_error", name + ": figtrace failed on this file (" + e
                    + "); the run went on without it. Please report the file so the bug can be fixed");
        }
    }

    private static DocumentResult failure(String name, byte[] bytes, String code, String message) {
        SourceFile source = new SourceFile(name, IngestStage.sha256(bytes), bytes.length, DocType.UNKNOWN);
        return new DocumentResult(source, ParsedDocument.failed(DocStatus.PARSE_FAILED, new DocIssue(code, message)), List.of());
    }

    /** A file's size and modification time, read before its bytes. */
    record FileStamp(long size, long mtimeNanos, long seenAtNanos) {
        static FileStamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
                return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), now);
            } catch (IOException e) {
                return null; // reading the file will say what is wrong
            }
        }

        boolean matches(DocumentRow row) {
            return row.size() != null && row.mtimeNanos() != null && row.size() == size && row.mtimeNanos() == mtimeNanos;
        }

        /** The time to store: null when the file changed so recently that a same-tick rewrite could go unseen. */
        Long trustedMtime() {
            return seenAtNanos - mtimeNanos >= TRUSTED_AGE_NANOS ? mtimeNanos : null;
        }
    }

    static List<Path> listFiles(Path corpus) throws IOException {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).equals("readme.md"))
                    .sorted().toList();
        }
    }

    static String relativeName(Path corpus, Path file) {
        return corpus.relativize(file).toString().replace('\\', '/');
    }
}
