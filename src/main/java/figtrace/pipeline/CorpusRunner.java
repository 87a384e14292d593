package figtrace.pipeline;

import figtrace.ingest.IngestStage;
import figtrace.limits.LimitCheck;
import figtrace.limits.Limits;
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
import figtrace.store.OutputParts;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
                          List<Skipped> skipped, long millis, int extracted, int reused, int renamed, int retired,
                          boolean cancelled) {
        public boolean anyFailed() { return !failed.isEmpty(); }
    }

    /** A path in the corpus that is not read, and why (not a document format, a FIFO, a link out of the corpus, …). */
    public record Skipped(String name, String reason) {}

    /**
     * How a run extracts: {@code jobs} documents at a time (each with its own parser and pipeline; one thread writes
     * the store, in corpus order, so the outputs are the same for any number of jobs), within {@code limits}, parsing
     * in child JVMs ({@code forked}, see {@link ForkedParser}) or in this one ({@link InProcessParser}).
     */
    public record Options(Limits limits, int jobs, boolean forked, Path ocrCache) {
        public Options {
            if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1");
        }

        public static Options defaults() {
            return new Options(Limits.defaults(), Runtime.getRuntime().availableProcessors(), true, null);
        }

        public Options withJobs(int n) { return new Options(limits, n, forked, ocrCache); }
        public Options withLimits(Limits l) { return new Options(l, jobs, forked, ocrCache); }
        public Options withForked(boolean f) { return new Options(limits, jobs, f, ocrCache); }
        /** Forked workers read pages without a text layer with Tesseract, caching under this folder (null: no OCR). */
        public Options withOcrCache(Path dir) { return new Options(limits, jobs, forked, dir); }
    }

    /** A modification time younger than this when the file is read is not stored, so it never skips a re-hash. */
    static final long TRUSTED_AGE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** More outputs made from the store once the run's own are written (the panel), inside the run lock. */
    public interface DerivedOutput {
        void write(Path db, Path out) throws IOException;
    }

    /**
     * What a run does with the review decisions in database {@code db} after storing re-extracted documents and before
     * writing any output: find each decision's figure again (and whatever else the decisions imply), so figures.csv
     * and the panel show the reviews of this run's figures.
     */
    public interface ReviewSync {
        void sync(Path db);
    }

    private final String rulesFingerprint;
    private final PipelineSource pipelineSource;
    private final Options options;
    private final List<DerivedOutput> derived = new ArrayList<>();
    private ReviewSync reviewSync = figtrace.review.ReviewStore::reattach;
    private volatile boolean cancelled;

    public CorpusRunner(Rules rules) {
        this(rules.fingerprint(), () -> new Pipeline(rules));
    }

    public CorpusRunner(String rulesFingerprint, PipelineSource pipelineSource) {
        this(rulesFingerprint, pipelineSource, Options.defaults());
    }

    public CorpusRunner(String rulesFingerprint, PipelineSource pipelineSource, Options options) {
        this.rulesFingerprint = Objects.requireNonNull(rulesFingerprint);
        this.pipelineSource = pipelineSource;
        this.options = Objects.requireNonNull(options);
    }

    public CorpusRunner withOptions(Options newOptions) {
        CorpusRunner r = new CorpusRunner(rulesFingerprint, pipelineSource, newOptions);
        r.derived.addAll(derived);
        r.reviewSync = reviewSync;
        return r;
    }

    public Options options() { return options; }

    /** Adds an output derived from the store, written after figures.jsonl and the rest on every finished run. */
    public CorpusRunner derive(DerivedOutput output) {
        derived.add(output);
        return this;
    }

    /** Replaces what the run does with review decisions before writing outputs (default: re-attach them). */
    public CorpusRunner reviewSync(ReviewSync sync) {
        reviewSync = Objects.requireNonNull(sync);
        return this;
    }

    /** Asks a run under way (from another thread) to stop after the document it is on. */
    public void cancel() {
        cancelled = true;
    }

    public Summary run(Path corpus, Path out, Listener listener) throws IOException, RulesException {
        long t0 = System.nanoTime();
        Listing listing = list(corpus);
        List<Path> supported = listing.files();
        List<Skipped> skipped = listing.skipped();
        for (Skipped s : skipped) listener.skipped(s.name(), s.reason());
        Files.createDirectories(out);
        OutputWriter.removeLeftovers(out);
        listener.started(supported.size());
        Set<String> names = new LinkedHashSet<>();
        for (Path f : supported) names.add(relativeName(corpus, f));
        int extracted = 0, reused = 0, renamed = 0, retired = 0;
        try (Store store = Store.open(out.resolve("figtrace.db"));
             Extractors extractors = new Extractors(options, pipelineSource)) {
            Stored stored = new Stored(store, names);
            // Documents being extracted, oldest first; the store takes them in this order, so in corpus order.
            Deque<Pending> inFlight = new ArrayDeque<>();
            for (int i = 0; i < supported.size() && !cancelled; i++) {
                String name = relativeName(corpus, supported.get(i));
                Outcome outcome = refresh(store, stored, supported.get(i), name, i + 1, supported.size(), listener,
                        extractors, inFlight);
                switch (outcome) {
                    case EXTRACTED -> { } // counted when saved
                    case REUSED -> reused++;
                    case RENAMED -> renamed++;
                }
                while (inFlight.size() > 2 * options.jobs() && !cancelled) {
                    save(store, inFlight.poll(), listener);
                    extracted++;
                }
            }
            // A cancelled run saves nothing more: what is still in flight is dropped and done by the next run.
            while (!inFlight.isEmpty() && !cancelled) {
                save(store, inFlight.poll(), listener);
                extracted++;
            }
            for (Pending p : inFlight) p.result().cancel(true);
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

    /** A document handed to the extractors, and what to save with it. */
    private record Pending(Future<DocumentResult> result, Long trustedMtime) {}

    /** The store is written by the run's own thread only, one document per transaction. */
    private void save(Store store, Pending pending, Listener listener) throws RulesException {
        DocumentResult result = Extractors.await(pending.result());
        store.save(result, new Store.Provenance(pending.trustedMtime(), rulesFingerprint, ExtractorVersion.VALUE));
        listener.documentDone(result);
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

    /**
     * Brings one file's rows up to date: reuses them, moves a renamed file's rows to it, or hands it to the extractors
     * (its result joins {@code inFlight}).
     */
    private Outcome refresh(Store store, Stored stored, Path f, String name, int index, int total,
                            Listener listener, Extractors extractors, Deque<Pending> inFlight) throws RulesException {
        DocumentRow row = stored.rows.get(name);
        boolean current = stored.current(row);
        FileStamp stamp = FileStamp.of(f);
        if (current && stamp != null && stamp.matches(row)) {
            if (row.retired()) store.markCurrent(name, stamp.size(), row.mtimeNanos());
            listener.documentReused(name);
            return Outcome.REUSED;
        }
        Long trusted = stamp == null ? null : stamp.trustedMtime();
        byte[] bytes = null;
        String sha;
        long size;
        try {
            if (stamp != null && stamp.size() > options.limits().maxFileBytes()) {
                sha = figtrace.ids.Sha256.hex(f); // too big to hold; its hash still tells a rename or an unchanged file
                size = stamp.size();
            } else {
                bytes = Files.readAllBytes(f);
                sha = IngestStage.sha256(bytes);
                size = bytes.length;
            }
        } catch (IOException | OutOfMemoryError e) {
            DocumentResult failure = failure(name, new byte[0], "unreadable", name + ": the file cannot be"
                    + " read (" + e.getMessage() + "); check that it exists and that you may read it");
            inFlight.add(new Pending(CompletableFuture.completedFuture(failure), null));
            return Outcome.EXTRACTED;
        }
        if (current && row.sha256().equals(sha)) {
            store.markCurrent(name, size, trusted);
            listener.documentReused(name);
            return Outcome.REUSED;
        }
        DocumentRow from = takeMovable(stored.movable, sha, name);
        if (from != null) {
            store.rename(from.doc(), name, size, trusted);
            stored.movedAway.add(from.doc());
            listener.documentRenamed(from.doc(), name);
            return Outcome.RENAMED;
        }
        listener.documentStarted(index, total, name);
        if (bytes == null) {
            SourceFile source = new SourceFile(name, sha, size, IngestStage.typeFromExtension(name));
            DocumentResult tooBig = new DocumentResult(source,
                    LimitCheck.fileSize(name, size, options.limits()), List.of());
            inFlight.add(new Pending(CompletableFuture.completedFuture(tooBig), trusted));
        } else {
            inFlight.add(new Pending(extractors.submit(name, bytes), trusted));
        }
        return Outcome.EXTRACTED;
    }

    /** Where a run notes what its outputs were written from; a run that finds the same state writes nothing. */
    static final String OUTPUT_STATE = ".figtrace-outputs";

    /**
     * Writes the outputs from the store: the corpus's documents, in corpus order. They are a function of the
     * documents' stored rows (content, rules, extractor, status, retirement), so when those are what the last run
     * wrote them from, and the files are all there, nothing is written or even loaded: a no-change re-run costs the
     * same memory for ten documents or ten thousand. When something changed, figures, entities and measures
     * are rebuilt from per-document parts ({@link OutputParts}), so only the changed documents' records are read. The
     * derived outputs (the panel) are made from the same rows, so they are written when these are.
     */
    private Summary writeOutputs(Store store, Set<String> names, Path out, List<Skipped> skipped, long t0,
                                        int extracted, int reused, int renamed, int retired) throws IOException {
        Map<String, DocumentRow> rows = store.documentRows();
        List<DocumentRow> current = names.stream().map(rows::get).filter(Objects::nonNull).toList();
        List<DocumentRow> retiredRows = rows.values().stream().filter(DocumentRow::retired).toList();
        Map<DocStatus, Integer> byStatus = new EnumMap<>(DocStatus.class);
        List<DocumentRow> failed = new ArrayList<>();
        int figureCount = 0;
        for (DocumentRow row : current) {
            byStatus.merge(row.status(), 1, Integer::sum);
            if (row.status().failed()) failed.add(row);
            figureCount += row.figureCount();
        }
        reviewSync.sync(store.file());
        String state;
        try (figtrace.review.ReviewStore reviews = figtrace.review.ReviewStore.open(store.file())) {
            state = outputState(current, retiredRows, reviews.stateByDoc());
        }
        Path stateFile = out.resolve(OUTPUT_STATE);
        boolean upToDate = Files.isRegularFile(stateFile) && Files.readString(stateFile).equals(state)
                && OutputWriter.allPresent(out);
        if (!upToDate) {
            Files.deleteIfExists(stateFile); // a crash while writing must not leave a state that claims the new files
            // figures, entities and measures from per-document parts: only changed documents are read from the store
            try (figtrace.review.ReviewStore reviews = figtrace.review.ReviewStore.open(store.file())) {
                new OutputParts(out).write(store, reviews, current);
            }
            OutputWriter writer = new OutputWriter(out);
            writer.writeDocumentsCsv(current, retiredRows);
            // the rebuilt tables are written whole (tables.jsonl and tables/*.csv), read from the store a document at a time
            List<figtrace.model.Table> tables = new ArrayList<>();
            for (DocumentRow row : current) tables.addAll(store.tables(row.doc()));
            writer.writeTables(tables);
            for (DerivedOutput d : derived) d.write(store.file(), out);
            Path tmp = out.resolve(OUTPUT_STATE + ".tmp");
            Files.writeString(tmp, state);
            Files.move(tmp, stateFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return new Summary(current.size(), byStatus, figureCount, failed, skipped,
                (System.nanoTime() - t0) / 1_000_000, extracted, reused, renamed, retired, false);
    }

    /**
     * A hash of everything the outputs are made from, document by document in output order, with the state of each
     * document's review decisions (figures.csv and the panel show them).
     */
    static String outputState(List<DocumentRow> current, List<DocumentRow> retiredRows, Map<String, String> reviews) {
        StringBuilder s = new StringBuilder("outputs v2\n");
        for (List<DocumentRow> part : List.of(current, retiredRows)) {
            for (DocumentRow r : part) {
                s.append(r.doc()).append('\t').append(r.sha256()).append('\t').append(r.rulesFingerprint())
                        .append('\t').append(r.extractorVersion()).append('\t').append(r.status().code())
                        .append('\t').append(r.retired()).append('\t').append(r.retiredAt()).append('\t')
                        .append(r.figureCount()).append('\t').append(r.issues()).append('\t').append(r.metadata())
                        .append('\n');
            }
            s.append("--\n");
        }
        s.append(ExtractorVersion.VALUE).append('\n').append(new java.util.TreeMap<>(reviews)).append('\n');
        return IngestStage.sha256(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

    /** Never throws: a bug on one file becomes a parse_failed result with a message. */
    static DocumentResult process(Pipeline pipeline, String name, byte[] bytes) {
        try {
            return pipeline.extract(name, bytes);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failure(name, bytes, "internal_error", name + ": figtrace failed on this file (" + e
                    + "); the run went on without it. Please report the file so the bug can be fixed");
        }
    }

    /**
     * The same, with the text read by {@code parser} (where it can be stopped and is held to the limits). Public for
     * runners elsewhere (the Spark job), so that every runner treats a failing file the same way.
     */
    public static DocumentResult process(Pipeline pipeline, DocumentParser parser, String name, byte[] bytes) {
        try {
            SourceFile source = IngestStage.identify(name, bytes);
            return pipeline.extract(source, parser.parse(source, bytes));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failure(name, bytes, "internal_error", name + ": figtrace failed on this file (" + e
                    + "); the run went on without it. Please report the file so the bug can be fixed");
        }
    }

    /** A document that could not be read at all: status parse_failed with {@code code} and {@code message}. */
    public static DocumentResult failure(String name, byte[] bytes, String code, String message) {
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

    /** The files a run reads, in a stable order, and the paths it passes over with the reason. */
    record Listing(List<Path> files, List<Skipped> skipped) {}

    static List<Path> listFiles(Path corpus) throws IOException {
        return list(corpus).files();
    }

    /**
     * Walks the corpus without following links. Hidden files and README.md are left out silently; anything else that
     * is not read — another format, a FIFO or device (reading it would block), a link out of the corpus, an unreadable
     * folder, a folder named like a document — is listed as skipped with the reason.
     */
    static Listing list(Path corpus) throws IOException {
        Path root = corpus.toRealPath();
        List<Path> files = new ArrayList<>();
        java.util.TreeMap<String, String> skipped = new java.util.TreeMap<>();
        Files.walkFileTree(corpus, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                        if (!dir.equals(corpus) && IngestStage.supportedExtension(dir.getFileName().toString())) {
                            skipped.put(relativeName(corpus, dir), "a folder, not a file, although its name ends like"
                                    + " a document; the files inside it are read as usual");
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                        String base = file.getFileName().toString();
                        if (base.startsWith(".") || base.toLowerCase(Locale.ROOT).equals("readme.md")) {
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                        String name = relativeName(corpus, file);
                        String why = whyNotRead(root, file, a, name);
                        if (why == null) files.add(file); else skipped.put(name, why);
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                        skipped.put(relativeName(corpus, file), "cannot be read (" + e.getClass().getSimpleName()
                                + "); check that you may read it");
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
        List<Skipped> list = new ArrayList<>();
        skipped.forEach((n, r) -> list.add(new Skipped(n, r)));
        return new Listing(files, list);
    }

    /** Null when the file is read; else why not. */
    private static String whyNotRead(Path root, Path file, BasicFileAttributes a, String name) {
        if (a.isSymbolicLink()) {
            try {
                Path target = file.toRealPath();
                if (!target.startsWith(root)) {
                    return "a link to a file outside the corpus folder; figtrace reads only files inside it. Copy the"
                            + " file in if it belongs to the corpus";
                }
                if (!Files.isRegularFile(target)) return "a link to something that is not a file; skipped";
            } catch (IOException e) {
                return "a link whose target is missing; skipped";
            }
        } else if (!a.isRegularFile()) {
            return "not a regular file (a named pipe, socket or device); reading it could block, so it is skipped";
        }
        if (!IngestStage.supportedExtension(name)) {
            return "not a format figtrace reads (it reads .txt, .html, .htm, .pdf, .docx, .doc); skipped";
        }
        return null;
    }

    static String relativeName(Path corpus, Path file) {
        return corpus.relativize(file).toString().replace('\\', '/');
    }
}
