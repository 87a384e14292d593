package figtrace.review;

import figtrace.store.SqliteReviewStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Review decisions, kept apart from the extracted records: re-extraction replaces figures, never decisions. After a
 * re-extraction {@link #reattach()} finds each decision's figure again; decisions whose figure is gone are flagged
 * orphaned and reported, never deleted. {@link SqliteReviewStore} keeps them in the run's database (table
 * {@code decisions}); another store (PostgreSQL, Parquet for Spark) implements the same methods.
 */
public interface ReviewStore extends AutoCloseable {

    /** The decisions of the run database {@code db}, which must exist: decisions are about extracted figures. */
    static ReviewStore open(Path db) {
        return open(db, Clock.systemUTC());
    }

    /** {@link #open(Path)} with the clock that stamps new decisions (tests). */
    static ReviewStore open(Path db, Clock clock) {
        return SqliteReviewStore.open(db, clock);
    }

    /**
     * Re-attaches the decisions in run database {@code db}: what a run calls after saving re-extracted documents
     * ({@code try} this once per run; it is cheap when nothing moved). Returns the orphaned decisions to report.
     */
    static ReattachReport reattach(Path db) {
        try (ReviewStore store = open(db)) {
            return store.reattach();
        }
    }

    /** What {@link #undoLast()} undid: how many decisions, of how many figures, and whether it was a bulk action. */
    record Undo(int decisions, int figures, boolean bulk) {}

    /**
     * Records one decision about the stored figure {@code key}, with a snapshot of where the figure is.
     *
     * @throws ReviewException when the figure is not stored or a correction is invalid
     */
    Decision record(FigureKey key, Action action, String field, String newValue, String note);

    /**
     * Records one decision for each of {@code keys} (accept, reject or reset) in one transaction, as one batch that
     * {@link #undoLast()} undoes as a whole. Either all are recorded or none.
     *
     * @return the batch id
     */
    String recordAll(List<FigureKey> keys, Action action, String note);

    /**
     * Undoes the latest decision that is not undone yet, or the whole bulk action it belongs to. The decisions stay,
     * flagged undone; the figures' reviews are what they were before. Nothing to undo gives 0 decisions.
     */
    Undo undoLast();

    /**
     * Records a correction of what a table column or row means, and the corrections it makes to the figures under it
     * ({@code corrections}: figure → field → value), all in one transaction and one batch ({@link TableDecision#batch()})
     * that {@link #undoLast()} undoes as a whole.
     */
    TableDecision recordTableDecision(String doc, String tableId, String caption, String axis, String header,
                                      String field, String value, Map<FigureKey, Map<String, String>> corrections);

    /** The table decisions, oldest first; undone ones only when {@code withUndone}. */
    List<TableDecision> tableDecisions(boolean withUndone);

    /**
     * Gives every table decision to the figures under its header that do not have it yet (after a re-run); {@code
     * corrections} says what a decision changes in which figures now. Returns how many figures got a decision.
     */
    int reapplyTableDecisions(java.util.function.Function<TableDecision, Map<FigureKey, Map<String, String>>> corrections);

    /** All decisions, orphaned ones included, oldest first. */
    List<Decision> all();

    /**
     * A short text per document that changes whenever any of its decisions is added, undone, re-attached or orphaned:
     * outputs that show review statuses are rewritten for exactly the documents whose text changed.
     */
    Map<String, String> stateByDoc();

    /** The decisions of one figure, oldest first (orphaned ones are not attached to any figure). */
    List<Decision> decisions(FigureKey key);

    /** The decisions of several figures at once (a page of the table), by figure. */
    Map<FigureKey, List<Decision>> decisions(Collection<FigureKey> keys);

    /** The effective review of one figure. */
    default FigureReview review(FigureKey key) {
        return FigureReview.of(decisions(key));
    }

    /** Decisions whose figure could not be found after the last re-extraction. */
    List<Decision> orphaned();

    /**
     * Finds every decision's figure again after re-extraction, in one transaction: the same figure id in the same
     * document (or the renamed document with the same sha256); else the same raw text in an identical quote; else
     * the old quote found in the document text. Found decisions take the figure's current position; the rest are
     * flagged orphaned, and tried again on every call.
     */
    ReattachReport reattach();

    @Override
    void close();
}
