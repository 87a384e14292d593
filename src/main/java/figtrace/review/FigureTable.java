package figtrace.review;

import figtrace.model.Figure;
import figtrace.store.SqliteFigureTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored figures as the review page, export and citations read them: filtered, sorted, paged, each with its
 * review status, and the documents with their text. Read-only. {@link SqliteFigureTable} answers it from the run's
 * database (in one indexed query per page); another store (PostgreSQL, Parquet for Spark) implements the same methods.
 */
public interface FigureTable extends AutoCloseable {

    /** Largest page the API serves; bigger requests get this many rows. */
    int MAX_PAGE_SIZE = 500;

    /** Opens the run database {@code db}; {@code reviews} must be open on the same file (it holds the decisions). */
    static FigureTable open(Path db, ReviewStore reviews) {
        return SqliteFigureTable.open(db, reviews);
    }

    /** Whether {@code sort} (optionally with a leading '-' for descending) names a sort key. */
    static boolean validSort(String sort) {
        if (sort == null || sort.isEmpty()) return true;
        return SqliteFigureTable.sortKeys().contains(sort.startsWith("-") ? sort.substring(1) : sort);
    }

    /** One page (0-based) of the matching figures with their reviews. */
    FigurePage page(FigureFilter filter, String sort, int page, int size);

    /** Every matching figure with its review, for export. */
    List<ReviewedFigure> all(FigureFilter filter, String sort);

    /**
     * Every matching figure with its review, one at a time in store order, never all held at once: the panel reads the
     * whole corpus this way with memory that does not grow with it.
     */
    void forEach(FigureFilter filter, java.util.function.Consumer<ReviewedFigure> action);

    /** The review of every figure that has decisions (orphaned ones left out), by figure. */
    Map<FigureKey, FigureReview> reviewsByFigure();

    /**
     * The figures whose indicator is one of {@code indicatorIds} (their indicator_id; the indicator's name for figures
     * stored before they had ids), and those of {@code extra}, with their reviews from {@code reviewed}, one at a time
     * in store order (document, position, id) — as {@link #forEach} would give them, restricted to these.
     */
    void forEachOfIndicators(java.util.Collection<String> indicatorIds, java.util.Collection<FigureKey> extra,
                             Map<FigureKey, FigureReview> reviewed, java.util.function.Consumer<ReviewedFigure> action);

    /**
     * The indicators each document's figures have (indicator_id, or the indicator's name where a figure has no id),
     * for {@code docs}, or for every document when it is null.
     */
    Map<String, java.util.Set<String>> indicatorsByDoc(java.util.Collection<String> docs);

    /** The stored figure {@code key}, if there is one. */
    Optional<Figure> figure(FigureKey key);

    /** Figures with this id in any document (copies of one file share ids), by document name. */
    List<Figure> figuresWithId(String id);

    /** A document's figures in text order. */
    List<Figure> figuresOf(String doc);

    /** What the panel reads first of a stored figure to choose the figures it needs: the few columns that place it. */
    record Brief(String id, String indicatorId, String indicator, String region, int charStart) {}

    /** A document's figures as {@link Brief}s, in text order (as {@link #figuresOf(String)}), without whole rows. */
    List<Brief> briefsOf(String doc);

    /** The figures of a document whose ids {@code wanted} accepts, in text order; the other rows are not read. */
    List<Figure> figuresOf(String doc, java.util.function.Predicate<String> wanted);

    /** A stored document's name, hash, type, pages, status and metadata. */
    Optional<DocumentInfo> document(String doc);

    /** A stored document's text. */
    Optional<String> text(String doc);

    /** Distinct values for the page's filter lists: doc, region, time, kind, indicator (at most 2000 each). */
    Map<String, List<String>> facets();

    /** The values each filter offers; with {@code doc}, those of that document only. */
    Map<String, List<String>> facets(String doc);

    @Override
    void close();
}
