package figtrace.store;

import figtrace.review.ReviewException;
import figtrace.web.RecordViews;

import java.nio.file.Path;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The SQLite implementation of {@link RecordViews}: read-only queries behind the entities and measures views, and the stored line table used to cut PDF pages.
 * Every value from the request goes in as a bound parameter; retired documents (files gone from the corpus) are left
 * out everywhere. A database written before these tables existed simply answers with nothing.
 */
public final class SqliteRecordViews implements RecordViews {

    /** Joins a row's document and keeps only current (not retired) ones. */
    private static final String CURRENT = " JOIN documents d ON d.doc = %s.doc AND coalesce(d.retired, 0) = 0";

    private final Connection connection;

    private SqliteRecordViews(Connection connection) {
        this.connection = connection;
    }

    public static SqliteRecordViews open(Path db) {
        try {
            Connection connection = SqliteStore.connect(db, true);
            connection.setAutoCommit(true); // reads only: no read transaction left open to hold back WAL checkpoints
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA query_only = ON"); // the views never write
            }
            return new SqliteRecordViews(connection);
        } catch (SQLException | StoreException e) {
            throw new ReviewException("cannot open " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Entity mentions matching the filters, grouped by canonical_id across documents, most mentioned first. Grouped
     * in Java rather than SQL so the surface forms stay exact strings (group_concat would need a separator that
     * can never occur in a name); a corpus holds thousands of mentions, not millions.
     */
    @Override
    public synchronized Map<String, Object> entities(String doc, String type, String text, int page, int size) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        exact(where, params, "e.doc", doc);
        exact(where, params, "e.type", type);
        if (present(text)) {
            where.add("(e.text LIKE ? ESCAPE '\\' OR e.canonical LIKE ? ESCAPE '\\')");
            params.add(like(text));
            params.add(like(text));
        }
        List<Map<String, Object>> mentions = rows("SELECT e.canonical_id, e.canonical, e.type, e.text, e.doc FROM entities e"
                + CURRENT.formatted("e") + clause(where) + " ORDER BY e.doc, e.char_start", params);
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        for (Map<String, Object> m : mentions) {
            String key = String.valueOf(m.get("canonical_id") != null ? m.get("canonical_id") : m.get("canonical"));
            Map<String, Object> g = groups.computeIfAbsent(key, k -> {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("id", k);
                n.put("canonical", m.get("canonical"));
                n.put("type", m.get("type"));
                n.put("forms", new LinkedHashSet<String>());
                n.put("docs", new LinkedHashSet<String>());
                n.put("mentions", 0);
                return n;
            });
            cast(g.get("forms")).add(String.valueOf(m.get("text")));
            cast(g.get("docs")).add(String.valueOf(m.get("doc")));
            g.put("mentions", (Integer) g.get("mentions") + 1);
        }
        List<Map<String, Object>> all = new ArrayList<>(groups.values());
        for (Map<String, Object> g : all) g.put("documents", cast(g.get("docs")).size());
        all.sort((a, b) -> (Integer) b.get("mentions") - (Integer) a.get("mentions") != 0
                ? (Integer) b.get("mentions") - (Integer) a.get("mentions")
                : String.valueOf(a.get("canonical")).compareTo(String.valueOf(b.get("canonical"))));
        int[] window = window(page, size, all.size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", all.size());
        answer.put("page", page);
        answer.put("size", window[2]);
        answer.put("rows", all.subList(window[0], window[1]));
        answer.put("facets", Map.of(
                "type", strings("SELECT DISTINCT e.type FROM entities e" + CURRENT.formatted("e")
                        + " WHERE e.type IS NOT NULL ORDER BY 1"),
                "doc", strings("SELECT DISTINCT e.doc FROM entities e" + CURRENT.formatted("e") + " ORDER BY 1")));
        return answer;
    }

    /** Matches a group's id: its canonical_id, or its canonical name for mentions without one (as grouped above). */
    private static final String GROUP = " (e.canonical_id = ? OR (e.canonical_id IS NULL AND e.canonical = ?))";

    /** One canonical entity: its mentions, and the figures linked to any of them (links kind figure_entity). */
    @Override
    public synchronized java.util.Optional<Map<String, Object>> entity(String canonicalId) {
        List<Map<String, Object>> mentions = rows("SELECT e.id, e.doc, e.page, e.line, e.text, e.canonical, e.type"
                + " FROM entities e" + CURRENT.formatted("e") + " WHERE" + GROUP + " ORDER BY e.doc, e.char_start",
                List.of(canonicalId, canonicalId));
        if (mentions.isEmpty()) return java.util.Optional.empty();
        // Links are per document: a figure and an entity are joined only within the document that links them.
        List<Map<String, Object>> figures = rows("SELECT DISTINCT f.id, f.doc, f.page, f.line, f.raw, f.value, f.unit,"
                + " f.subject, f.time, f.region FROM links l"
                + " JOIN entities e ON e.doc = l.doc AND e.id = l.to_id"
                + " JOIN figures f ON f.doc = l.doc AND f.id = l.from_id AND coalesce(f.retired, 0) = 0"
                + CURRENT.formatted("l")
                + " WHERE l.kind = 'figure_entity' AND" + GROUP + " ORDER BY f.doc, f.span_start",
                List.of(canonicalId, canonicalId));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", canonicalId);
        answer.put("canonical", mentions.get(0).get("canonical"));
        answer.put("type", mentions.get(0).get("type"));
        answer.put("mentions", mentions);
        answer.put("figures", figures);
        return java.util.Optional.of(answer);
    }

    /** Measures matching the filters in document order, each with its linked figures and entities. */
    @Override
    public synchronized Map<String, Object> measures(String doc, String status, String instrument, String text, int page,
                                              int size) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        exact(where, params, "m.doc", doc);
        exact(where, params, "m.status", status);
        exact(where, params, "m.instrument", instrument);
        if (present(text)) {
            where.add("(m.text LIKE ? ESCAPE '\\' OR m.actor LIKE ? ESCAPE '\\')");
            params.add(like(text));
            params.add(like(text));
        }
        String from = " FROM measures m" + CURRENT.formatted("m") + clause(where);
        long total = ((Number) rows("SELECT count(*) AS n" + from, params).get(0).get("n")).longValue();
        int[] window = window(page, size, (int) Math.min(total, Integer.MAX_VALUE));
        List<Object> paged = new ArrayList<>(params);
        paged.add(window[2]);
        paged.add(window[0]);
        List<Map<String, Object>> measures = rows("SELECT m.id, m.doc, m.page, m.line, m.text, m.actor, m.status,"
                + " m.instrument" + from + " ORDER BY m.doc, m.char_start, m.id LIMIT ? OFFSET ?", paged);
        for (Map<String, Object> m : measures) {
            List<Object> key = List.of(m.get("doc"), m.get("id"));
            m.put("figures", rows("SELECT f.id, f.doc, f.page, f.line, f.raw, f.value, f.unit, f.subject FROM links l"
                    + " JOIN figures f ON f.doc = l.doc AND f.id = l.to_id AND coalesce(f.retired, 0) = 0"
                    + " WHERE l.doc = ? AND l.from_id = ? AND l.kind = 'measure_figure' ORDER BY f.span_start", key));
            m.put("entities", rows("SELECT e.id, e.text, e.type, e.canonical, e.canonical_id FROM links l"
                    + " JOIN entities e ON e.doc = l.doc AND e.id = l.to_id"
                    + " WHERE l.doc = ? AND l.from_id = ? AND l.kind = 'measure_entity' ORDER BY e.char_start", key));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", total);
        answer.put("page", page);
        answer.put("size", window[2]);
        answer.put("rows", measures);
        answer.put("facets", Map.of(
                "status", strings("SELECT DISTINCT m.status FROM measures m" + CURRENT.formatted("m")
                        + " WHERE m.status IS NOT NULL ORDER BY 1"),
                "instrument", strings("SELECT DISTINCT m.instrument FROM measures m" + CURRENT.formatted("m")
                        + " WHERE m.instrument IS NOT NULL ORDER BY 1"),
                "doc", strings("SELECT DISTINCT m.doc FROM measures m" + CURRENT.formatted("m") + " ORDER BY 1")));
        return answer;
    }

    /**
     * The [start, end) offsets of PDF page {@code page} of {@code doc} from the stored lines, or null when the
     * database has no lines for it (written before document_lines existed): the caller then falls back.
     */
    @Override
    public synchronized int[] pageSpan(String doc, int page) {
        List<Map<String, Object>> r = rows("SELECT min(start) AS s, max(end) AS e FROM document_lines"
                + " WHERE doc = ? AND page = ?", List.of(doc, page));
        if (r.isEmpty() || r.get(0).get("s") == null) return null;
        return new int[]{((Number) r.get(0).get("s")).intValue(), ((Number) r.get(0).get("e")).intValue()};
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashSet<String> cast(Object set) { return (LinkedHashSet<String>) set; }

    /** {from, to, size} of a page of {@code total} items; size clamped to 1..MAX_PAGE_SIZE. */
    private static int[] window(int page, int size, int total) {
        if (page < 0) throw new IllegalArgumentException("page must not be negative");
        int s = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int from = (int) Math.min((long) page * s, total);
        return new int[]{from, Math.min(total, from + s), s};
    }

    private static void exact(List<String> where, List<Object> params, String column, String value) {
        if (!present(value)) return;
        where.add(column + " = ?");
        params.add(value);
    }

    private static String clause(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private static boolean present(String value) { return value != null && !value.isBlank(); }

    /** A LIKE pattern matching {@code text} anywhere, with the LIKE wildcards in it taken literally. */
    private static String like(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private List<String> strings(String sql) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : rows(sql, List.of())) out.add(String.valueOf(r.values().iterator().next()));
        return out;
    }

    private List<Map<String, Object>> rows(String sql, List<Object> params) {
        try {
            if (!tablesPresent()) return new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) st.setObject(i + 1, params.get(i));
                try (ResultSet rs = st.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<Map<String, Object>> out = new ArrayList<>();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int c = 1; c <= meta.getColumnCount(); c++) row.put(meta.getColumnLabel(c), rs.getObject(c));
                        out.add(row);
                    }
                    return out;
                }
            }
        } catch (SQLException e) {
            throw new ReviewException("cannot read entities or measures: " + e.getMessage(), e);
        }
    }

    /** Whether the database has the tables these views read; an older one (or one never re-run) may not. */
    private boolean tablesPresent() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                     + " ('entities', 'measures', 'links', 'document_lines')")) {
            return rs.next() && rs.getInt(1) == 4;
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a read-only connection: nothing to lose
        }
    }
}
