package figtrace.store;

import figtrace.review.Action;
import figtrace.review.Decision;
import figtrace.review.FigureKey;
import figtrace.review.FigureReview;
import figtrace.review.ReattachReport;
import figtrace.review.Reattachment;
import figtrace.review.Reattachment.Anchor;
import figtrace.review.ReviewException;
import figtrace.review.ReviewStore;
import figtrace.review.TableDecision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQLite implementation of {@link ReviewStore}: review decisions, kept in table {@code decisions} of the run's SQLite file (made, with its indices, by the store's
 * schema migrations) but apart from the extraction tables:
 * re-extraction replaces {@code figures} rows, never decisions. After a re-extraction {@link #reattach()} finds each
 * decision's figure again; decisions whose figure is gone are flagged orphaned and reported, never deleted.
 *
 * <p>Reading and writing decision rows is {@link DecisionRows}, table corrections {@link SqliteTableDecisions}; what
 * stays here (about 330 lines) is every transaction of the {@link ReviewStore} interface (record, batch, undo,
 * re-attach), kept together so that a second backend replaces exactly this class and its two helpers; the rules it
 * applies live elsewhere (records in review/, the re-attachment rule in review.Reattachment).
 */
public final class SqliteReviewStore extends ReviewConnection implements ReviewStore {

    private static final String COLUMNS = DecisionRows.COLUMNS;

    private final DecisionRows rows;
    private final SqliteTableDecisions tables;

    private SqliteReviewStore(Path file, Connection connection, Clock clock) {
        super(file, connection);
        this.rows = new DecisionRows(file, connection, clock);
        this.tables = new SqliteTableDecisions(rows, this::rollbackQuietly);
    }

    /**
     * Opens the decisions of the run database {@code db}, creating the table on first use. The database must exist:
     * decisions are about extracted figures.
     */
    public static SqliteReviewStore open(Path db, Clock clock) {
        if (!Files.isRegularFile(db)) {
            throw new ReviewException("no database " + db + ": run ./figtrace run first, or point --out at the folder"
                    + " holding figtrace.db");
        }
        Connection connection = null;
        try {
            connection = SqliteStore.connect(db, true); // the store's migrations made the decisions table
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM documents")) {
                rs.next();
            }
            return new SqliteReviewStore(db, connection, clock);
        } catch (StoreException | SQLException e) {
            closeQuietly(connection);
            throw new ReviewException("cannot open decisions in " + db + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Records one decision about the stored figure {@code key}, with a snapshot of where the figure is.
     *
     * @throws ReviewException when the figure is not stored or a correction is invalid
     */
    @Override
    public synchronized Decision record(FigureKey key, Action action, String field, String newValue, String note) {
        if (action == Action.CORRECT) {
            String problem = FigureReview.problem(field, newValue);
            if (problem != null) throw new ReviewException(problem);
        } else {
            field = null;
            newValue = null;
        }
        if (action == Action.NOTE && (note == null || note.isBlank())) {
            throw new ReviewException("a note needs text");
        }
        try {
            long id = rows.insert(key, action, field, newValue, note, null);
            connection.commit();
            return rows.byId(id);
        } catch (SQLException e) {
            rollbackQuietly();
            throw new ReviewException("cannot record the decision in " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * Records one decision for each of {@code keys} (accept, reject or reset) in one transaction, as one batch that
     * {@link #undoLast()} undoes as a whole. Either all are recorded or none.
     *
     * @return the batch id
     */
    @Override
    public synchronized String recordAll(List<FigureKey> keys, Action action, String note) {
        if (action != Action.ACCEPT && action != Action.REJECT && action != Action.RESET) {
            throw new ReviewException("bulk review accepts, rejects or resets; '" + action.code()
                    + "' is made one figure at a time");
        }
        String batch = "b" + rows.clock.instant().toEpochMilli() + "-" + Integer.toHexString(keys.hashCode());
        try {
            for (FigureKey key : keys) rows.insert(key, action, null, null, note, batch);
            connection.commit();
            return batch;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new ReviewException("cannot record the decisions in " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * Undoes the latest decision that is not undone yet, or the whole bulk action it belongs to. The decisions stay in
     * the store, flagged undone; the figures' reviews are what they were before. Nothing to undo gives 0 decisions.
     */
    @Override
    public synchronized Undo undoLast() {
        try {
            Decision last = rows.select("SELECT " + COLUMNS + " FROM decisions WHERE undone = 0 AND orphaned = 0"
                    + " ORDER BY id DESC LIMIT 1", List.of()).stream().findFirst().orElse(null);
            if (last == null) return new Undo(0, 0, false);
            int decisions, figures;
            if (last.batch() != null) {
                try (PreparedStatement st = connection.prepareStatement(
                        "UPDATE decisions SET undone = 1 WHERE batch = ? AND undone = 0")) {
                    st.setString(1, last.batch());
                    decisions = st.executeUpdate();
                }
                figures = rows.select("SELECT " + COLUMNS + " FROM decisions WHERE batch = ?", List.of(last.batch()))
                        .stream().map(d -> new FigureKey(d.doc(), d.figureId())).collect(java.util.stream.Collectors.toSet()).size();
                if (last.batch().startsWith("t")) {
                    // a table correction: the column's or row's decision is undone with its cells' corrections
                    try (PreparedStatement st = connection.prepareStatement(
                            "UPDATE table_decisions SET undone = 1 WHERE id = ?")) {
                        st.setLong(1, Long.parseLong(last.batch().substring(1)));
                        st.executeUpdate();
                    }
                }
            } else {
                try (PreparedStatement st = connection.prepareStatement("UPDATE decisions SET undone = 1 WHERE id = ?")) {
                    st.setLong(1, last.id());
                    decisions = st.executeUpdate();
                }
                figures = 1;
            }
            connection.commit();
            return new Undo(decisions, figures, last.batch() != null);
        } catch (SQLException e) {
            rollbackQuietly();
            throw new ReviewException("cannot undo in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records a correction of what a table column or row means, and the corrections it makes to the figures under it
     * ({@code corrections}: figure → field → value), all in one transaction and one batch ({@link TableDecision#batch()})
     * that {@link #undoLast()} undoes as a whole.
     */
    @Override
    public synchronized TableDecision recordTableDecision(String doc, String tableId, String caption, String axis,
                                                          String header, String field, String value,
                                                          Map<FigureKey, Map<String, String>> corrections) {
        return tables.record(doc, tableId, caption, axis, header, field, value, corrections);
    }

    /** The table decisions, oldest first; undone ones only when {@code withUndone}. */
    @Override
    public synchronized List<TableDecision> tableDecisions(boolean withUndone) {
        return tables.list(withUndone);
    }

    /** Gives every table decision to the figures now under its header that lack it (see the interface). */
    @Override
    public synchronized int reapplyTableDecisions(
            java.util.function.Function<TableDecision, Map<FigureKey, Map<String, String>>> corrections) {
        return tables.reapply(corrections);
    }

    /** All decisions, orphaned ones included, oldest first. */
    @Override
    public synchronized List<Decision> all() {
        return rows.select("SELECT " + COLUMNS + " FROM decisions ORDER BY id", List.of());
    }

    /** The decisions of one figure, oldest first (orphaned ones are not attached to any figure). */
    @Override
    public synchronized List<Decision> decisions(FigureKey key) {
        return rows.select("SELECT " + COLUMNS + " FROM decisions WHERE doc = ? AND figure_id = ? AND orphaned = 0"
                + " ORDER BY id", List.of(key.doc(), key.id()));
    }

    /** The decisions of several figures at once (a page of the table), by figure. */
    @Override
    public synchronized Map<FigureKey, List<Decision>> decisions(Collection<FigureKey> keys) {
        Map<FigureKey, List<Decision>> byFigure = new LinkedHashMap<>();
        for (FigureKey key : keys) byFigure.put(key, new ArrayList<>());
        if (keys.isEmpty()) return byFigure;
        List<String> docs = keys.stream().map(FigureKey::doc).distinct().toList();
        // One query per distinct document rather than per figure: a page holds few documents.
        for (String doc : docs) {
            for (Decision d : rows.select("SELECT " + COLUMNS + " FROM decisions WHERE doc = ? AND orphaned = 0 ORDER BY id",
                    List.of(doc))) {
                List<Decision> list = byFigure.get(new FigureKey(d.doc(), d.figureId()));
                if (list != null) list.add(d);
            }
        }
        return byFigure;
    }

    @Override
    public synchronized Map<String, String> stateByDoc() {
        Map<String, String> states = new java.util.HashMap<>();
        // max(id) moves with every new decision, the sums with undo and orphaning; a re-attachment changes figure ids
        // (their total length is a cheap stand-in for a hash of them)
        try (PreparedStatement st = connection.prepareStatement("SELECT doc, count(*), max(id), sum(undone),"
                + " sum(orphaned), sum(length(figure_id) * id) FROM decisions GROUP BY doc");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4) + "/"
                        + rs.getLong(5) + "/" + rs.getLong(6));
            }
        } catch (SQLException e) {
            throw new ReviewException("cannot read the review decisions of " + file + ": " + e.getMessage(), e);
        }
        return states;
    }

    /** Decisions whose figure could not be found after the last re-extraction. */
    @Override
    public synchronized List<Decision> orphaned() {
        return rows.select("SELECT " + COLUMNS + " FROM decisions WHERE orphaned = 1 ORDER BY id", List.of());
    }

    /**
     * Finds every decision's figure again after re-extraction, in one transaction. For each decision, in order:
     * the same figure id in the same document (or, for a renamed document, the document with the same sha256);
     * else a figure with the same raw text in an identical quote (nearest to the old position); else the old quote
     * found anywhere in the document text with a figure of the same raw text at the same place inside it.
     * Found decisions point at the figure and take its current position; the rest are flagged orphaned. Orphaned
     * decisions are tried again on every call, so a figure that comes back gets its decisions back.
     */
    @Override
    public synchronized ReattachReport reattach() {
        try {
            Map<String, String> shaByDoc = new HashMap<>();
            Map<String, String> docBySha = new HashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT doc, sha256 FROM documents ORDER BY doc")) {
                while (rs.next()) {
                    shaByDoc.put(rs.getString(1), rs.getString(2));
                    docBySha.putIfAbsent(rs.getString(2), rs.getString(1));
                }
            }
            Map<String, List<Anchor>> figuresByDoc = new HashMap<>();
            Map<String, String> textByDoc = new HashMap<>();
            int unchanged = 0, moved = 0;
            List<Long> orphanIds = new ArrayList<>();
            try (PreparedStatement update = connection.prepareStatement("UPDATE decisions SET figure_id = ?, doc = ?,"
                    + " doc_sha256 = ?, char_start = ?, span_start = ?, span_end = ?, quote = ?, orphaned = 0"
                    + " WHERE id = ?")) {
                for (Decision d : all()) {
                    String doc = shaByDoc.containsKey(d.doc()) ? d.doc() : docBySha.get(d.docSha256());
                    Anchor found = null;
                    if (doc != null) {
                        List<Anchor> figures = figuresByDoc.computeIfAbsent(doc, rows::anchors);
                        found = Reattachment.find(d, figures, () -> textByDoc.computeIfAbsent(doc, rows::text));
                    }
                    if (found == null) {
                        orphanIds.add(d.id());
                        continue;
                    }
                    if (!d.orphaned() && found.id().equals(d.figureId()) && doc.equals(d.doc())) {
                        unchanged++;
                        continue;
                    }
                    moved++;
                    update.setString(1, found.id());
                    update.setString(2, doc);
                    update.setString(3, shaByDoc.get(doc));
                    update.setInt(4, found.charStart());
                    update.setInt(5, found.spanStart());
                    update.setInt(6, found.spanEnd());
                    update.setString(7, found.quote());
                    update.setLong(8, d.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            try (PreparedStatement orphan = connection.prepareStatement(
                    "UPDATE decisions SET orphaned = 1 WHERE id = ?")) {
                for (long id : orphanIds) {
                    orphan.setLong(1, id);
                    orphan.addBatch();
                }
                orphan.executeBatch();
            }
            connection.commit();
            return new ReattachReport(unchanged, moved, orphaned());
        } catch (SQLException e) {
            rollbackQuietly();
            throw new ReviewException("cannot re-attach decisions in " + file + " (nothing was changed): "
                    + e.getMessage(), e);
        }
    }

}
