package figtrace.pipeline;

import figtrace.ingest.IngestStage;
import figtrace.model.DocStatus;
import figtrace.pipeline.CorpusRunner.DerivedOutput;
import figtrace.pipeline.CorpusRunner.ReviewSync;
import figtrace.pipeline.CorpusRunner.Skipped;
import figtrace.pipeline.CorpusRunner.Summary;
import figtrace.store.DocumentRow;
import figtrace.store.OutputParts;
import figtrace.store.OutputWriter;
import figtrace.store.Store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The end of a run ({@link CorpusRunner}): the outputs written from the store, only when what they are made of changed. */
final class RunOutputs {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunOutputs.class);
    private final ReviewSync reviewSync;
    private final List<DerivedOutput> derived;

    RunOutputs(ReviewSync reviewSync, List<DerivedOutput> derived) {
        this.reviewSync = reviewSync;
        this.derived = List.copyOf(derived);
    }

    /** Where a run notes what its outputs were written from; a run that finds the same state writes nothing. */
    static final String OUTPUT_STATE = ".figtrace-outputs";

    /**
     * Writes the outputs from the store: the corpus's documents, in corpus order. They are a function of the
     * documents' stored rows (content, rules, extractor, status, retirement), so when those are what the last run
     * wrote them from, and the files are all there, nothing is written or even loaded: a no-change re-run costs the
     * same memory for ten documents or ten thousand. When something changed, figures, entities, measures and tables
     * are rebuilt from per-document parts ({@link OutputParts}), so only the changed documents' records are read. The
     * derived outputs (the panel) are made from the same rows, so they are written when these are.
     */
    Summary write(Store store, Set<String> names, Path out, List<Skipped> skipped, long t0,
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
        long synced = System.nanoTime();
        reviewSync.sync(store.file());
        LOG.debug("review decisions reattached: {} ms", (System.nanoTime() - synced) / 1_000_000);
        String state;
        try (figtrace.review.ReviewStore reviews = figtrace.review.ReviewStore.open(store.file())) {
            state = outputState(current, retiredRows, reviews.stateByDoc());
        }
        Path stateFile = out.resolve(OUTPUT_STATE);
        boolean upToDate = Files.isRegularFile(stateFile) && Files.readString(stateFile).equals(state)
                && OutputWriter.allPresent(out);
        if (!upToDate) {
            Files.deleteIfExists(stateFile); // a crash while writing must not leave a state that claims the new files
            // figures, entities, measures and tables from per-document parts: only changed documents are read from the store
            long t = System.nanoTime();
            try (figtrace.review.ReviewStore reviews = figtrace.review.ReviewStore.open(store.file())) {
                new OutputParts(out).write(store, reviews, current);
            }
            new OutputWriter(out).writeDocumentsCsv(current, retiredRows);
            LOG.debug("outputs from parts: {} ms", (System.nanoTime() - t) / 1_000_000);
            for (int i = 0; i < derived.size(); i++) {
                t = System.nanoTime();
                derived.get(i).write(store.file(), out);
                LOG.debug("derived output {} of {} (the panel): {} ms", i + 1, derived.size(), (System.nanoTime() - t) / 1_000_000);
            }
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
}
