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
import java.util.Optional;

/**
 * The SQLite implementation of {@link ReviewStore}: review decisions, kept in table {@code decisions} of the run's SQLite file (made, with its indices, by the store's
 * schema migrations) but apart from the extraction tables:
 * re-extraction replaces {@code figures} rows, never decisions. After a re-extraction {@link #reattach()} finds each
 * decision's figure again; decisions whose figure is gone are flagged orphaned and reported, never deleted.
 *
 * <p>Long on purpose: it is the whole SQLite side of one store interface, so a second backend replaces exactly this
 * class; the rules it applies live elsewhere (records in model/, the re-attachment rule in review.Reattachment).
 */
public final class SqliteReviewStore extends ReviewConnection implements ReviewStore {

    private static final String COLUMNS = "id, figure_id, doc, doc_sha256, char_start, span_start, span_end, quote, raw,"
            + " action, field, new_value, note, created_at, orphaned, batch, undone";

    private final Clock clock;

    private SqliteReviewStore(Path file, Connection connection, Clock clock) {
        super(file, connection);
        this.clock = clock;
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
            long id = insert(key, action, field, newValue, note, null);
            connection.commit();
            return byId(id);
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
        String batch = "b" + clock.instant().toEpochMilli() + "-" + Integer.toHexString(keys.hashCode());
        try {
            for (FigureKey key : keys) insert(key, action, null, null, note, batch);
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
            Decision last = select("SELECT " + COLUMNS + " FROM decisions WHERE undone = 0 AND orphaned = 0"
                    + " ORDER BY id DESC LIMIT 1", List.of()).stream().findFirst().orElse(null);
            if (last == null) return new Undo(0, 0, false);
            int decisions, figures;
            if (last.batch() != null) {
                try (PreparedStatement st = connection.prepareStatement(
                        "UPDATE decisions SET undone = 1 WHERE batch = ? AND undone = 0")) {
                    st.setString(1, last.batch());
                    decisions = st.executeUpdate();
                }
                figures = select("SELECT " + COLUMNS + " FROM decisions WHERE batch = ?", List.of(last.batch()))
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
        if (!axis.equals("column") && !axis.equals("row")) throw new ReviewException("axis is column or row, not " + axis);
        if (!TableDecision.FIELDS.contains(field)) {
            throw new ReviewException("a column or row correction sets region, time or unit, not '" + field + "'");
        }
        if (corrections.isEmpty()) throw new ReviewException("no figure lies under " + axis + " '" + header + "'");
        for (Map<String, String> fields : corrections.values()) {
            fields.forEach((f, v) -> {
                String problem = FigureReview.problem(f, v);
                if (problem != null) throw new ReviewException(problem);
            });
        }
        try {
            long id;
            try (PreparedStatement st = connection.prepareStatement("INSERT INTO table_decisions (doc, table_id,"
                    + " caption, axis, header, field, new_value, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, doc);
                st.setString(2, tableId);
                st.setString(3, caption);
                st.setString(4, axis);
                st.setString(5, header);
                st.setString(6, field);
                st.setString(7, value);
                st.setString(8, clock.instant().toString());
                st.executeUpdate();
                try (ResultSet rs = st.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            String batch = "t" + id;
            for (Map.Entry<FigureKey, Map<String, String>> e : corrections.entrySet()) {
                for (Map.Entry<String, String> f : e.getValue().entrySet()) {
                    insert(e.getKey(), Action.CORRECT, f.getKey(), f.getValue(), null, batch);
                }
            }
            connection.commit();
            return tableDecisions(true).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new ReviewException("cannot record the table correction in " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /** The table decisions, oldest first; undone ones only when {@code withUndone}. */
    @Override
    public synchronized List<TableDecision> tableDecisions(boolean withUndone) {
        try (PreparedStatement st = connection.prepareStatement("SELECT id, doc, table_id, caption, axis, header,"
                + " field, new_value, created_at, undone FROM table_decisions" + (withUndone ? "" : " WHERE undone = 0")
                + " ORDER BY id")) {
            List<TableDecision> list = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    list.add(new TableDecision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getInt(10) == 1));
                }
            }
            connection.commit();
            return list;
        } catch (SQLException e) {
            throw new ReviewException("cannot read the table decisions from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives every table decision to the figures under its header that do not have it yet: after a re-run, cells whose
     * figures are new (their ids changed with the content, or the table reader now finds more cells under the
     * header) get the correction too. {@code corrections} says what a decision changes in which figures now. Returns
     * how many figures got a decision.
     */
    @Override
    public synchronized int reapplyTableDecisions(
            java.util.function.Function<TableDecision, Map<FigureKey, Map<String, String>>> corrections) {
        int given = 0;
        try {
            for (TableDecision d : tableDecisions(false)) {
                java.util.Set<FigureKey> have = new java.util.HashSet<>();
                for (Decision x : select("SELECT " + COLUMNS + " FROM decisions WHERE batch = ? AND undone = 0",
                        List.of(d.batch()))) {
                    if (!x.orphaned()) have.add(new FigureKey(x.doc(), x.figureId()));
                }
                for (Map.Entry<FigureKey, Map<String, String>> e : corrections.apply(d).entrySet()) {
                    if (have.contains(e.getKey())) continue;
                    for (Map.Entry<String, String> f : e.getValue().entrySet()) {
                        insert(e.getKey(), Action.CORRECT, f.getKey(), f.getValue(), null, d.batch());
                    }
                    given++;
                }
            }
            connection.commit();
            return given;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new ReviewException("cannot apply the table decisions in " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private long insert(FigureKey key, Action action, String field, String newValue, String note, String batch)
            throws SQLException {
        Anchor figure = anchor(key).orElseThrow(() -> new ReviewException("no figure " + key.id()
                + " in document " + key.doc() + " of " + file + ": reload the page (the document may have been"
                + " re-extracted)"));
        String sha = documentSha(key.doc());
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO decisions (figure_id, doc,"
                + " doc_sha256, char_start, span_start, span_end, quote, raw, action, field, new_value, note,"
                + " created_at, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, key.id());
            st.setString(2, key.doc());
            st.setString(3, sha);
            st.setInt(4, figure.charStart());
            st.setInt(5, figure.spanStart());
            st.setInt(6, figure.spanEnd());
            st.setString(7, figure.quote());
            st.setString(8, figure.raw());
            st.setString(9, action.code());
            st.setString(10, field);
            st.setString(11, newValue);
            st.setString(12, note == null || note.isBlank() ? null : note);
            st.setString(13, clock.instant().toString());
            st.setString(14, batch);
            st.executeUpdate();
            try (ResultSet rs = st.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** All decisions, orphaned ones included, oldest first. */
    @Override
    public synchronized List<Decision> all() {
        return select("SELECT " + COLUMNS + " FROM decisions ORDER BY id", List.of());
    }

    /** The decisions of one figure, oldest first (orphaned ones are not attached to any figure). */
    @Override
    public synchronized List<Decision> decisions(FigureKey key) {
        return select("SELECT " + COLUMNS + " FROM decisions WHERE doc = ? AND figure_id = ? AND orphaned = 0"
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
            for (Decision d : select("SELECT " + COLUMNS + " FROM decisions WHERE doc = ? AND orphaned = 0 ORDER BY id",
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
        return select("SELECT " + COLUMNS + " FROM decisions WHERE orphaned = 1 ORDER BY id", List.of());
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
                        List<Anchor> figures = figuresByDoc.computeIfAbsent(doc, this::anchors);
                        found = Reattachment.find(d, figures, () -> textByDoc.computeIfAbsent(doc, this::text));
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

    private Optional<Anchor> anchor(FigureKey key) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT id, char_start, span_start, span_end, quote, raw"
                + " FROM figures WHERE doc = ? AND id = ?")) {
            st.setString(1, key.doc());
            st.setString(2, key.id());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(anchor(rs)) : Optional.empty();
            }
        }
    }

    private List<Anchor> anchors(String doc) {
        try (PreparedStatement st = connection.prepareStatement("SELECT id, char_start, span_start, span_end, quote,"
                + " raw FROM figures WHERE doc = ? ORDER BY span_start, id")) {
            st.setString(1, doc);
            List<Anchor> list = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) list.add(anchor(rs));
            }
            return list;
        } catch (SQLException e) {
            throw new ReviewException("cannot read the figures of " + doc + " from " + file + ": " + e.getMessage(), e);
        }
    }

    private static Anchor anchor(ResultSet rs) throws SQLException {
        return new Anchor(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6));
    }

    private String text(String doc) {
        try (PreparedStatement st = connection.prepareStatement("SELECT text FROM document_text WHERE doc = ?")) {
            st.setString(1, doc);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new ReviewException("cannot read the text of " + doc + " from " + file + ": " + e.getMessage(), e);
        }
    }

    private String documentSha(String doc) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT sha256 FROM documents WHERE doc = ?")) {
            st.setString(1, doc);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Decision byId(long id) {
        return select("SELECT " + COLUMNS + " FROM decisions WHERE id = ?", List.of(id)).get(0);
    }

    private List<Decision> select(String sql, List<Object> parameters) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) st.setObject(i + 1, parameters.get(i));
            List<Decision> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                            Action.fromCode(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getString(14), rs.getInt(15) == 1, rs.getString(16), rs.getInt(17) == 1));
                }
            }
            connection.commit(); // ends the read transaction so WAL checkpoints are not held back
            return rows;
        } catch (SQLException e) {
            throw new ReviewException("cannot read decisions from " + file + ": " + e.getMessage(), e);
        }
    }


    private static void closeQuietly(Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the original error is what the user needs
        }
    }
}
