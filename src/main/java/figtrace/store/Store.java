package figtrace.store;

import figtrace.model.DocumentResult;
import figtrace.model.Entity;
import figtrace.model.Figure;
import figtrace.model.Measure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where extraction results live: what the pipeline's runner writes and what outputs, the panel and review read. The
 * callers know only this interface (and {@link #open}); {@link SqliteStore} is the implementation, and a PostgreSQL one,
 * or a Parquet one for Spark, would implement the same methods: every method speaks of documents, records and rows,
 * none of SQL or files.
 *
 * <p>Guarantees every implementation keeps: each {@link #save} is atomic (after it returns the store holds exactly that
 * result for the document; if it throws, what it held before); nothing is deleted when a file leaves the corpus (it is
 * {@link #retire}d); reads give records in a stable order.
 */
public interface Store extends AutoCloseable {

    /**
     * Where a saved result came from, for incremental runs: the file's modification time (null when it must not be
     * trusted as a shortcut), the rules' fingerprint and the extractor's version.
     */
    record Provenance(Long mtimeNanos, String rulesFingerprint, String extractorVersion) {
        public static final Provenance NONE = new Provenance(null, null, null);
    }

    /** The store of a run folder's database ({@code OUT/figtrace.db}), created and migrated as needed. */
    static Store open(Path db) {
        return SqliteStore.open(db);
    }

    /** Replaces everything stored for {@code result}'s document with {@code result}, in one transaction. */
    default void save(DocumentResult result) {
        save(result, Provenance.NONE);
    }

    /** {@link #save(DocumentResult)}, recording where the result came from so later runs can reuse it. */
    void save(DocumentResult result, Provenance provenance);

    /** Names of the stored documents, sorted. */
    List<String> documents();

    /** Every stored document row, retired ones included, by name in name order. */
    Map<String, DocumentRow> documentRows();

    /** One stored document row, if there is one. */
    default java.util.Optional<DocumentRow> documentRow(String doc) {
        return java.util.Optional.ofNullable(documentRows().get(doc));
    }

    /** The stored figures of one document, in text order. */
    List<Figure> figures(String doc);

    /** The stored figures of one document in the order they were extracted (the order outputs list them). */
    List<Figure> figuresInExtractionOrder(String doc);

    /** A document's entities as stored, in text order. */
    List<Entity> entities(String doc);

    /** A document's rebuilt tables as stored, in document order. */
    List<figtrace.model.Table> tables(String doc);

    /** A document's measures as stored, in text order. */
    List<Measure> measures(String doc);

    /** The stored text of one document, if the document is stored. */
    Optional<String> documentText(String doc);

    /** A document's stored lines as {page (0 when unpaged), number, start, end}, in text order. */
    List<int[]> lines(String doc);

    /** Documents whose stored rows do not add up (a damaged store or hand edits); the runner extracts them again. */
    Set<String> incompleteDocuments();

    /** Records that the file was seen unchanged: its size and time, and that it is in the corpus (not retired). */
    void markCurrent(String doc, long size, Long mtimeNanos);

    /** Flags a document that left the corpus, and its records, as retired; nothing is deleted. */
    void retire(String doc);

    /** Moves a document's rows to a new name (a renamed file: same content, same ids), in one transaction. */
    void rename(String from, String to, long size, Long mtimeNanos);

    /** Replaces the stored panel (rows, their sources and the checks) with {@code panel}, in one transaction. */
    void savePanel(figtrace.panel.PanelStage.Panel panel);

    /**
     * Replaces the stored rows, sources and checks of the row indicators {@code indicatorIds} (one indicator family's,
     * see {@link figtrace.panel.PanelFamilies}) with {@code panel}, which holds only theirs, in one transaction.
     */
    void replacePanel(java.util.Collection<String> indicatorIds, figtrace.panel.PanelStage.Panel panel);

    /**
     * Replaces the stored rows, sources and checks of each row indicator in {@code regionsByIndicator} and each of its
     * regions with {@code panel}, which holds only theirs, in one transaction.
     */
    void replacePanelRegions(Map<String, ? extends java.util.Collection<String>> regionsByIndicator,
                             figtrace.panel.PanelStage.Panel panel);

    /** A check of the store's own consistency: ["ok"] when sound, else the problems found. */
    List<String> integrityCheck();

    /** The database file, for steps that read the run's database by path (the review page, derived outputs). */
    Path file();

    @Override
    void close();
}
