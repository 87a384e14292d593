package figtrace.pipeline;

import figtrace.ingest.IngestStage;
import figtrace.limits.LimitCheck;
import figtrace.limits.Limits;
import figtrace.model.DocStatus;
import figtrace.model.DocumentResult;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Runs the pipeline over a corpus folder and writes every output. One bad file never stops the run: whatever goes
 * wrong with a document becomes its status and issues, and the next document is processed.
 *
 * <p>Runs are incremental. A document is extracted again only when its content (sha256), the rules' fingerprint or
 * {@link ExtractorVersion} differ from what its stored row records; otherwise its stored rows are reused. The file is
 * not even read when its size and modification time equal the stored ones — a time is stored only when it was at least
 * {@link FileStamp#TRUSTED_AGE_NANOS} old when the file was read, so a file written again within the same clock tick is still
 * re-hashed. A document whose stored rows do not add up ({@link Store#incompleteDocuments()}) is extracted again. A file that left the corpus is retired (rows kept, flagged); a file renamed without other change keeps its
 * rows under its new name. Each document is saved in its own transaction, so a run killed at any point leaves a
 * consistent database and the next run does what is left. Outputs are written at the end, complete, from the store.
 *
 * <p>Its parts: which files a run reads ({@link CorpusListing}), whether a file changed ({@link FileStamp}), what the
 * store held and which rows a renamed file takes over ({@link StoredDocuments}), extraction that never throws
 * ({@link SafeExtraction}), the extraction threads ({@link Extractors}) and the outputs ({@link RunOutputs}).
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
        CorpusListing.Listing listing = CorpusListing.list(corpus);
        List<Path> supported = listing.files();
        List<Skipped> skipped = listing.skipped();
        for (Skipped s : skipped) listener.skipped(s.name(), s.reason());
        Files.createDirectories(out);
        OutputWriter.removeLeftovers(out);
        listener.started(supported.size());
        Set<String> names = new LinkedHashSet<>();
        for (Path f : supported) names.add(CorpusListing.relativeName(corpus, f));
        int extracted = 0, reused = 0, renamed = 0, retired = 0;
        try (Store store = Store.open(out.resolve("figtrace.db"));
             Extractors extractors = new Extractors(options, pipelineSource);
             EarlyParts early = new EarlyParts(store, out)) {
            StoredDocuments stored = new StoredDocuments(store, names, rulesFingerprint);
            // Documents being extracted, oldest first; the store takes them in this order, so in corpus order.
            Deque<Pending> inFlight = new ArrayDeque<>();
            for (int i = 0; i < supported.size() && !cancelled; i++) {
                String name = CorpusListing.relativeName(corpus, supported.get(i));
                Outcome outcome = refresh(store, stored, supported.get(i), name, i + 1, supported.size(), listener,
                        extractors, inFlight);
                switch (outcome) {
                    case EXTRACTED -> { } // counted when saved
                    case REUSED -> reused++;
                    case RENAMED -> renamed++;
                }
                while (inFlight.size() > 2 * options.jobs() && !cancelled) {
                    save(store, inFlight.poll(), listener, early);
                    extracted++;
                }
            }
            // A cancelled run saves nothing more: what is still in flight is dropped and done by the next run.
            while (!inFlight.isEmpty() && !cancelled) {
                save(store, inFlight.poll(), listener, early);
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
            early.close();
            return new RunOutputs(reviewSync, derived).write(store, names, out, skipped, t0, extracted, reused, renamed, retired);
        }
    }

    /** A document handed to the extractors, and what to save with it. */
    private record Pending(Future<DocumentResult> result, Long trustedMtime) {}

    /**
     * The store is written by the run's own thread only, one document per transaction; then the document's output
     * parts, while the extraction threads go on with the next documents.
     */
    private void save(Store store, Pending pending, Listener listener, EarlyParts early) throws RulesException {
        DocumentResult result = Extractors.await(pending.result());
        store.save(result, new Store.Provenance(pending.trustedMtime(), rulesFingerprint, ExtractorVersion.VALUE));
        listener.documentDone(result);
        early.write(result.source().name());
    }

    /**
     * Output parts ({@link OutputParts}) written as each document is saved rather than all at the end, where the run's
     * own thread writes them alone while the extraction threads have nothing left to do: on a cold run of many
     * documents that end was minutes of one busy core (bench/README.md). The end of the run still writes whatever is
     * missing or no longer fits, so this only moves work earlier; a part that cannot be written now is written then.
     */
    private static final class EarlyParts implements AutoCloseable {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EarlyParts.class);
        private final Store store;
        private final OutputParts parts;
        private figtrace.review.ReviewStore reviews;
        private Map<String, String> reviewStates;

        EarlyParts(Store store, Path out) {
            this.store = store;
            this.parts = new OutputParts(out);
        }

        void write(String doc) {
            try {
                if (reviews == null) {
                    reviews = figtrace.review.ReviewStore.open(store.file());
                    reviewStates = reviews.stateByDoc();
                }
                java.util.Optional<DocumentRow> row = store.documentRow(doc);
                if (row.isPresent()) parts.writeEarly(store, reviews, reviewStates, row.get());
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: output parts left for the end of the run ({})", doc, e.toString());
            }
        }

        @Override
        public void close() {
            if (reviews != null) reviews.close();
            reviews = null;
        }
    }

    private enum Outcome { EXTRACTED, REUSED, RENAMED }

    /**
     * Brings one file's rows up to date: reuses them, moves a renamed file's rows to it, or hands it to the extractors
     * (its result joins {@code inFlight}).
     */
    private Outcome refresh(Store store, StoredDocuments stored, Path f, String name, int index, int total,
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
            DocumentResult failure = SafeExtraction.failure(name, new byte[0], "unreadable", name + ": the file cannot be"
                    + " read (" + e.getMessage() + "); check that it exists and that you may read it");
            inFlight.add(new Pending(CompletableFuture.completedFuture(failure), null));
            return Outcome.EXTRACTED;
        }
        if (current && row.sha256().equals(sha)) {
            store.markCurrent(name, size, trusted);
            listener.documentReused(name);
            return Outcome.REUSED;
        }
        DocumentRow from = stored.takeMovable(sha, name);
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
}
