package figtrace.store;

import figtrace.review.Decision;
import figtrace.review.DocumentInfo;
import figtrace.review.FigureFilter;
import figtrace.review.FigureKey;
import figtrace.review.FigurePage;
import figtrace.review.FigureReview;
import figtrace.review.FigureTable;
import figtrace.review.ReviewException;
import figtrace.review.ReviewStore;
import figtrace.review.ReviewedFigure;

import figtrace.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import figtrace.model.Figure;

import java.io.IOException;
import java.nio.file.Path;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQLite implementation of {@link FigureTable}: read-only queries over the run database for the review page,
 * export and citations: filtered, sorted, paged
 * figures with their review status computed in SQL from the decisions (so filtering by status stays one indexed
 * query on tens of thousands of rows), documents, their text.
 *
 * <p>About 340 lines on purpose: it is the whole SQLite side of one store interface ({@link FigureTable}: the
 * filtered, sorted, paged queries with review status in SQL, documents and their text), so a second backend replaces
 * exactly this class; figure rows are read by {@link DocumentTables#readFigure}, what a review does to a figure is
 * review.FigureReview, and the connection is held by {@link ReviewConnection}.
 */
public final class SqliteFigureTable extends ReviewConnection implements FigureTable {

    private static final String FIGURE_COLUMNS = "f.id, f.doc, f.page, f.line, f.char_start, f.char_end, f.quote,"
            + " f.span_start, f.span_end, f.raw, f.value, f.unit, f.measure_word, f.kind, f.qualifier, f.time,"
            + " f.region, f.subject, f.indicator, f.change, f.target, f.rule, f.note,"
            + " f.indicator_id, f.source, f.ocr_confidence, f.ocr_box";

    private static final ObjectMapper JSON = Json.MAPPER;

    private final ReviewStore reviews;

    private SqliteFigureTable(Path file, Connection connection, ReviewStore reviews) {
        super(file, connection);
        this.reviews = reviews;
    }

    /** Opens the run database {@code db}; {@code reviews} must be open on the same file (it created decisions). */
    public static SqliteFigureTable open(Path db, ReviewStore reviews) {
        try {
            return new SqliteFigureTable(db, SqliteStore.connect(db, true), reviews);
        } catch (StoreException e) {
            throw new ReviewException("cannot open " + db + ": " + e.getMessage(), e);
        }
    }

    /** The sort keys the queries understand (see {@link FigureTable#validSort}). */
    public static java.util.Set<String> sortKeys() {
        return FigureQuery.SORTS.keySet();
    }

    /** One page (0-based) of the matching figures with their reviews. */
    @Override
    public synchronized FigurePage page(FigureFilter filter, String sort, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        List<Object> parameters = new ArrayList<>();
        String where = FigureQuery.where(filter, parameters);
        String from = FigureQuery.from(filter, sort);
        long total = count(from + where, parameters);
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(pageSize);
        pageParameters.add((long) pageNumber * pageSize);
        List<Figure> figures = figures("SELECT " + FIGURE_COLUMNS + from + where + FigureQuery.orderBy(sort)
                + " LIMIT ? OFFSET ?", pageParameters);
        return new FigurePage(withReviews(figures), total, pageNumber, pageSize);
    }

    /** Every matching figure with its review, for export. */
    @Override
    public synchronized List<ReviewedFigure> all(FigureFilter filter, String sort) {
        List<Object> parameters = new ArrayList<>();
        String where = FigureQuery.where(filter, parameters);
        List<Figure> figures = figures("SELECT " + FIGURE_COLUMNS + FigureQuery.from(filter, sort) + where + FigureQuery.orderBy(sort),
                parameters);
        Map<FigureKey, List<Decision>> byFigure = decisionsByFigure();
        List<ReviewedFigure> rows = new ArrayList<>(figures.size());
        for (Figure f : figures) rows.add(reviewed(f, byFigure));
        return rows;
    }

    /**
     * Every matching figure with its review, one at a time in store order, never all held at once: the panel reads the
     * whole corpus this way with memory that does not grow with it (only the reviews are held, by figure).
     */
    @Override
    public synchronized void forEach(FigureFilter filter, java.util.function.Consumer<ReviewedFigure> action) {
        List<Object> parameters = new ArrayList<>();
        String where = FigureQuery.where(filter, parameters);
        Map<FigureKey, List<Decision>> byFigure = decisionsByFigure();
        try (PreparedStatement st = connection.prepareStatement("SELECT " + FIGURE_COLUMNS + FigureQuery.from(filter, null) + where
                + FigureQuery.orderBy(null))) {
            bind(st, parameters);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) action.accept(reviewed(DocumentTables.readFigure(rs), byFigure));
            }
            connection.commit();
        } catch (SQLException e) {
            throw new ReviewException("cannot read figures from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The review of every figure that has decisions (orphaned ones left out), by figure. */
    @Override
    public synchronized Map<FigureKey, FigureReview> reviewsByFigure() {
        Map<FigureKey, List<Decision>> byFigure = decisionsByFigure();
        Map<FigureKey, FigureReview> byKey = new LinkedHashMap<>();
        byFigure.forEach((k, decisions) -> byKey.put(k, FigureReview.of(decisions)));
        return byKey;
    }

    /** Indexed on indicator_id. */
    @Override
    public synchronized void forEachOfIndicators(java.util.Collection<String> indicatorIds,
                                                 java.util.Collection<FigureKey> extra,
                                                 Map<FigureKey, FigureReview> reviewed,
                                                 java.util.function.Consumer<ReviewedFigure> action) {
        List<Object> parameters = new ArrayList<>(indicatorIds);
        String in = String.join(", ", java.util.Collections.nCopies(indicatorIds.size(), "?"));
        StringBuilder where = new StringBuilder(" WHERE f.indicator_id IN (" + in + ") OR (f.indicator IN (" + in
                + ") AND (f.indicator_id IS NULL OR f.indicator_id = ''))");
        parameters.addAll(indicatorIds);
        for (FigureKey k : extra) {
            where.append(" OR (f.doc = ? AND f.id = ?)");
            parameters.add(k.doc());
            parameters.add(k.id());
        }
        try (PreparedStatement st = connection.prepareStatement("SELECT " + FIGURE_COLUMNS + FigureQuery.FROM_PLAIN + where
                + FigureQuery.orderBy(null))) {
            bind(st, parameters);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Figure f = DocumentTables.readFigure(rs);
                    FigureReview review = reviewed.get(new FigureKey(f.doc(), f.id()));
                    action.accept(new ReviewedFigure(f, review == null ? FigureReview.UNREVIEWED : review));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new ReviewException("cannot read figures from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The indicators each document's figures have (indicator_id, or the indicator's name where a figure has no id),
     * for {@code docs}, or for every document when it is null.
     */
    @Override
    public synchronized Map<String, java.util.Set<String>> indicatorsByDoc(java.util.Collection<String> docs) {
        String sql = "SELECT DISTINCT doc, COALESCE(NULLIF(indicator_id, ''), NULLIF(indicator, '')) AS i FROM figures"
                + (docs == null ? "" : " WHERE doc = ?") + " ORDER BY 1, 2";
        Map<String, java.util.Set<String>> byDoc = new java.util.TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (String doc : docs == null ? java.util.Collections.<String>singletonList(null) : docs) {
                if (doc != null) st.setString(1, doc);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        java.util.Set<String> ids = byDoc.computeIfAbsent(rs.getString(1), d -> new java.util.TreeSet<>());
                        if (rs.getString(2) != null && !rs.getString(2).isBlank()) ids.add(rs.getString(2));
                    }
                }
            }
            connection.commit();
            return byDoc;
        } catch (SQLException e) {
            throw new ReviewException("cannot read figures from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<Figure> figure(FigureKey key) {
        return figures("SELECT " + FIGURE_COLUMNS + " FROM figures f WHERE f.doc = ? AND f.id = ?",
                List.of(key.doc(), key.id())).stream().findFirst();
    }

    /** The decisions that still hold (not orphaned), by figure. */
    private Map<FigureKey, List<Decision>> decisionsByFigure() {
        Map<FigureKey, List<Decision>> byFigure = new LinkedHashMap<>();
        for (Decision d : reviews.all()) {
            if (!d.orphaned()) byFigure.computeIfAbsent(new FigureKey(d.doc(), d.figureId()), k -> new ArrayList<>()).add(d);
        }
        return byFigure;
    }

    private static ReviewedFigure reviewed(Figure f, Map<FigureKey, List<Decision>> byFigure) {
        List<Decision> decisions = byFigure.get(new FigureKey(f.doc(), f.id()));
        return new ReviewedFigure(f, decisions == null ? FigureReview.UNREVIEWED : FigureReview.of(decisions));
    }

    /** Figures with this id in any document (copies of one file share ids), by document name. */
    @Override
    public synchronized List<Figure> figuresWithId(String id) {
        return figures("SELECT " + FIGURE_COLUMNS + " FROM figures f WHERE f.id = ? ORDER BY f.doc", List.of(id));
    }

    /** A document's figures in text order. */
    @Override
    public synchronized List<Figure> figuresOf(String doc) {
        return figures("SELECT " + FIGURE_COLUMNS + " FROM figures f WHERE f.doc = ? ORDER BY f.span_start, f.id",
                List.of(doc));
    }

    @Override
    public synchronized List<Brief> briefsOf(String doc) {
        try (PreparedStatement st = connection.prepareStatement("SELECT id, indicator_id, indicator, region, char_start"
                + " FROM figures f WHERE f.doc = ? ORDER BY f.span_start, f.id")) {
            st.setString(1, doc);
            List<Brief> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) rows.add(new Brief(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
            }
            connection.commit();
            return rows;
        } catch (SQLException e) {
            throw new ReviewException("cannot read figures from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the id of every row but the other columns only of the wanted ones (turning text into Java strings is the cost). */
    @Override
    public synchronized List<Figure> figuresOf(String doc, java.util.function.Predicate<String> wanted) {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT " + FIGURE_COLUMNS + " FROM figures f WHERE f.doc = ? ORDER BY f.span_start, f.id")) {
            st.setString(1, doc);
            List<Figure> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (wanted.test(rs.getString(1))) rows.add(DocumentTables.readFigure(rs));
                }
            }
            connection.commit();
            return rows;
        } catch (SQLException e) {
            throw new ReviewException("cannot read figures from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<DocumentInfo> document(String doc) {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT doc, sha256, type, pages, status, metadata FROM documents WHERE doc = ?")) {
            st.setString(1, doc);
            try (ResultSet rs = st.executeQuery()) {
                Optional<DocumentInfo> info = Optional.empty();
                if (rs.next()) {
                    int pages = rs.getInt(4);
                    Integer pagesOrNull = rs.wasNull() ? null : pages;
                    info = Optional.of(new DocumentInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                            pagesOrNull, rs.getString(5), metadata(rs.getString(6))));
                }
                connection.commit();
                return info;
            }
        } catch (SQLException e) {
            throw new ReviewException("cannot read document " + doc + " from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<String> text(String doc) {
        return strings("SELECT text FROM document_text WHERE doc = ?", List.of(doc)).stream().findFirst();
    }

    /** Distinct values for the page's filter lists: doc, region, time, kind, indicator (at most 2000 each). */
    @Override
    public synchronized Map<String, List<String>> facets() {
        return facets(null);
    }

    /**
     * The values each filter offers; with {@code doc}, those of that document only, so choosing a document narrows
     * the region, period, kind and indicator lists to what it holds.
     */
    @Override
    public synchronized Map<String, List<String>> facets(String doc) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("doc", strings("SELECT doc FROM documents ORDER BY doc LIMIT 2000", List.of()));
        boolean one = doc != null && !doc.isEmpty();
        for (String column : List.of("region", "time", "kind", "indicator")) {
            facets.put(column, strings("SELECT DISTINCT " + column + " FROM figures WHERE " + column
                    + " IS NOT NULL" + (one ? " AND doc = ?" : "") + " ORDER BY " + column + " LIMIT 2000",
                    one ? List.of(doc) : List.of()));
        }
        return facets;
    }


    private long count(String fromWhere, List<Object> parameters) {
        try (PreparedStatement st = connection.prepareStatement("SELECT count(*)" + fromWhere)) {
            bind(st, parameters);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                connection.commit();
                return n;
            }
        } catch (SQLException e) {
            throw new ReviewException("cannot count figures in " + file + ": " + e.getMessage(), e);
        }
    }

    private List<ReviewedFigure> withReviews(List<Figure> figures) {
        List<FigureKey> keys = figures.stream().map(f -> new FigureKey(f.doc(), f.id())).toList();
        Map<FigureKey, List<Decision>> decisions = reviews.decisions(keys);
        List<ReviewedFigure> rows = new ArrayList<>();
        for (Figure f : figures) {
            rows.add(new ReviewedFigure(f, FigureReview.of(decisions.get(new FigureKey(f.doc(), f.id())))));
        }
        return rows;
    }

    private List<Figure> figures(String sql, List<Object> parameters) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            bind(st, parameters);
            List<Figure> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) rows.add(DocumentTables.readFigure(rs)); // by column name: one reader of figure rows
            }
            connection.commit(); // ends the read transaction so WAL checkpoints are not held back
            return rows;
        } catch (SQLException e) {
            throw new ReviewException("cannot read figures from " + file + ": " + e.getMessage(), e);
        }
    }

    private List<String> strings(String sql, List<Object> parameters) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            bind(st, parameters);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) rows.add(rs.getString(1));
            }
            connection.commit();
            return rows;
        } catch (SQLException e) {
            throw new ReviewException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement st, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) st.setObject(i + 1, parameters.get(i));
    }

    private Map<String, String> metadata(String json) {
        if (json == null || json.isBlank()) return Map.of();
        try {
            Map<String, Object> raw = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
            Map<String, String> metadata = new LinkedHashMap<>();
            raw.forEach((k, v) -> { if (v != null) metadata.put(k.toLowerCase(), v.toString()); });
            return metadata;
        } catch (IOException e) {
            return Map.of(); // unreadable metadata must not block review; citations fall back to the file name
        }
    }

}
