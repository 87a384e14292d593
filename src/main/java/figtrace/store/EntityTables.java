package figtrace.store;

import figtrace.model.DocumentResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The entities, measures, links and document_lines tables of figtrace.db (made by schema migration 002), filled inside
 * the document's own transaction.
 */
final class EntityTables {
    private EntityTables() {}

    /** Inserts a document's entities, measures, links and lines; the caller owns the transaction (and deleted old rows). */
    static void insert(Connection connection, DocumentResult result) throws SQLException {
        String doc = result.source().name();
        for (String table : List.of("entities", "measures", "links", "document_lines")) {
            try (PreparedStatement st = connection.prepareStatement("DELETE FROM " + table + " WHERE doc = ?")) {
                st.setString(1, doc);
                st.executeUpdate();
            }
        }
        insertRows(connection, "entities", RecordColumns.ENTITY, result.entities(), null);
        insertRows(connection, "measures", RecordColumns.MEASURE, result.measures(), null);
        insertRows(connection, "links", RecordColumns.LINK, result.links(), doc);
        insertLines(connection, doc, result);
    }

    private static void insertLines(Connection connection, String doc, DocumentResult result) throws SQLException {
        if (result.parsed() == null || result.parsed().text() == null) return;
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO document_lines (doc, page, number, start, end) VALUES (?, ?, ?, ?, ?)")) {
            for (figtrace.model.TextLine line : result.parsed().text().lines()) {
                st.setString(1, doc);
                // page 0 means "not paged" in TextLine; stored as NULL like the figures' page
                if (line.page() > 0) st.setInt(2, line.page()); else st.setNull(2, Types.INTEGER);
                st.setInt(3, line.number());
                st.setInt(4, line.start());
                st.setInt(5, line.end());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** A document's lines as stored: {page or null, number, start, end}, in text order. */
    static List<int[]> lines(Connection connection, String doc) {
        return read(connection, "SELECT coalesce(page, 0), number, start, end FROM document_lines WHERE doc = ?"
                + " ORDER BY start", doc, rs -> new int[]{rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)});
    }

    static List<figtrace.model.Entity> entities(Connection connection, String doc) {
        return read(connection, "SELECT id, doc, page, line, char_start, char_end, text, type, canonical, canonical_id,"
                + " attributes, rule, source, ocr_confidence FROM entities WHERE doc = ? ORDER BY char_start, char_end DESC, id", doc,
                rs -> new figtrace.model.Entity(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getString(7), figtrace.model.EntityType.of(rs.getString(8)),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        decimal(rs.getObject(14))));
    }

    static List<figtrace.model.Measure> measures(Connection connection, String doc) {
        return read(connection, "SELECT id, doc, page, line, char_start, char_end, text, actor, status, instrument,"
                + " linked_figures, entity_ids, rule, source, ocr_confidence FROM measures WHERE doc = ? ORDER BY char_start, id", doc,
                rs -> new figtrace.model.Measure(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                        figtrace.model.MeasureStatus.of(rs.getString(9)), figtrace.model.Instrument.of(rs.getString(10)),
                        list(rs.getString(11)), list(rs.getString(12)), rs.getString(13), rs.getString(14),
                        decimal(rs.getObject(15))));
    }

    /** An OCR confidence as stored (REAL), as the model's one-decimal value. */
    private static java.math.BigDecimal decimal(Object v) {
        return v == null ? null : new java.math.BigDecimal(v.toString()).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /** A list stored as one cell, joined by " | " (see {@link RecordColumns#flat}). */
    private static List<String> list(String cell) {
        return cell == null || cell.isEmpty() ? List.of() : List.of(cell.split(" \\| ", -1));
    }

    private interface RowReader<T> { T read(java.sql.ResultSet rs) throws SQLException; }

    private static <T> List<T> read(Connection connection, String sql, String doc, RowReader<T> reader) {
        List<T> out = new java.util.ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, doc);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(reader.read(rs));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the entities or measures of " + doc + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static <T> void insertRows(Connection connection, String table, List<RecordColumns.Column<T>> columns,
                                       List<T> rows, String doc) throws SQLException {
        List<String> names = new java.util.ArrayList<>(RecordColumns.names(columns));
        if (doc != null) names.add(0, "doc");
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (T row : rows) {
                int i = 1;
                if (doc != null) st.setString(i++, doc);
                for (RecordColumns.Column<T> c : columns) {
                    Object v = RecordColumns.flat(c.getter().apply(row));
                    if (v == null) st.setNull(i++, Types.NULL);
                    else if (v instanceof Integer n) st.setInt(i++, n);
                    else st.setString(i++, v.toString());
                }
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
