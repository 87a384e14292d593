package figtrace.review;

import figtrace.store.SqliteStore;
import figtrace.store.StoreException;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rebuilt tables of a run database (tables {@code tables} and {@code cells}) as review needs them: the stored
 * model of a table for the table view, and which figures lie under a column or row header, so that one correction of
 * the header's meaning becomes a correction of every cell under it ({@link TableDecision}).
 */
public final class TableCells implements AutoCloseable {

    /** A figure read from a cell, with the cell's text as printed (13,690,843) and the headers it lies under. */
    public record CellFigure(FigureKey key, String text, String columnHeader, String rowLabel) {}

    private final Path file;
    private final Connection connection;

    private TableCells(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static TableCells open(Path db) {
        try {
            return new TableCells(db, SqliteStore.connect(db, true));
        } catch (StoreException e) {
            throw new ReviewException("cannot open " + db + ": " + e.getMessage(), e);
        }
    }

    /** One table's summary for the list of a document's tables. */
    public record TableInfo(String id, String doc, int seq, String pages, String caption, String unit, String side,
                            int rows, int columns, int figures) {}

    /** The tables of {@code doc} (all documents when null), in document order. */
    public synchronized List<TableInfo> tables(String doc) {
        boolean one = doc != null && !doc.isEmpty();
        String sql = "SELECT id, doc, seq, pages, caption, unit, side, row_count, column_count, figure_count FROM tables"
                + (one ? " WHERE doc = ?" : "") + " ORDER BY doc, seq";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            if (one) st.setString(1, doc);
            List<TableInfo> list = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    list.add(new TableInfo(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9),
                            rs.getInt(10)));
                }
            }
            connection.commit();
            return list;
        } catch (SQLException e) {
            throw problem("read the tables", e);
        }
    }

    /** The stored model of one table (JSON of {@code figtrace.model.Table}), or null. */
    public synchronized String model(String doc, String tableId) {
        try (PreparedStatement st = connection.prepareStatement("SELECT model FROM tables WHERE doc = ? AND id = ?")) {
            st.setString(1, doc);
            st.setString(2, tableId);
            try (ResultSet rs = st.executeQuery()) {
                String model = rs.next() ? rs.getString(1) : null;
                connection.commit();
                return model;
            }
        } catch (SQLException e) {
            throw problem("read table " + tableId, e);
        }
    }

    /**
     * The figures under the header a decision names: in the same table when its id is still there, else in the
     * document's tables with the same caption (a re-run that changed the document's content gives its tables new
     * ids). A column is found by its header text, a row by its label, never by position.
     */
    public synchronized List<CellFigure> under(TableDecision d) {
        Set<String> tables = new LinkedHashSet<>();
        try {
            if (exists(d.doc(), d.tableId())) {
                tables.add(d.tableId());
            } else {
                try (PreparedStatement st = connection.prepareStatement("SELECT id FROM tables WHERE doc = ? AND"
                        + " caption IS ? ORDER BY seq")) {
                    st.setString(1, d.doc());
                    st.setString(2, d.caption());
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) tables.add(rs.getString(1));
                    }
                }
            }
            List<CellFigure> figures = new ArrayList<>();
            String header = d.axis().equals("row") ? "row_label" : "col_header";
            for (String table : tables) {
                try (PreparedStatement st = connection.prepareStatement("SELECT figure_id, text, col_header, row_label"
                        + " FROM cells WHERE doc = ? AND table_id = ? AND figure_id IS NOT NULL AND " + header + " = ?"
                        + " ORDER BY row, col")) {
                    st.setString(1, d.doc());
                    st.setString(2, table);
                    st.setString(3, d.header());
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            figures.add(new CellFigure(new FigureKey(d.doc(), rs.getString(1)), rs.getString(2),
                                    rs.getString(3), rs.getString(4)));
                        }
                    }
                }
            }
            connection.commit();
            return figures;
        } catch (SQLException e) {
            throw problem("read the cells of table " + d.tableId(), e);
        }
    }

    private boolean exists(String doc, String tableId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT 1 FROM tables WHERE doc = ? AND id = ?")) {
            st.setString(1, doc);
            st.setString(2, tableId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * What a decision changes in each figure under its header: the region or time as given; for a unit, the unit's
     * canonical code and the value the cell's printed number has in it ({@code units} reads the written unit), so a
     * column mistaken for 万元 that is 亿元 gets values 10,000 times larger. Cells whose text is no plain number are left
     * out of a unit correction.
     */
    public static Map<FigureKey, Map<String, String>> corrections(TableDecision d, List<CellFigure> cells,
                                                                  UnitScale units) {
        Map<FigureKey, Map<String, String>> out = new LinkedHashMap<>();
        UnitScale.Scale scale = d.field().equals("unit") ? units.parse(d.newValue()) : null;
        if (d.field().equals("unit") && scale == null) {
            throw new ReviewException("unknown unit '" + d.newValue() + "': write it as the document does (万元, 亿元,"
                    + " %, 万吨 …); units.tsv and multipliers.tsv list what figtrace knows");
        }
        for (CellFigure c : cells) {
            Map<String, String> fields = new LinkedHashMap<>();
            switch (d.field()) {
                case "region" -> fields.put("region", d.newValue());
                case "time" -> fields.put("time", d.newValue());
                case "unit" -> {
                    BigDecimal number = UnitScale.number(c.text());
                    if (number == null) continue;
                    fields.put("unit", scale.unit());
                    fields.put("value", number.multiply(scale.factor()).stripTrailingZeros().toPlainString());
                }
                default -> throw new ReviewException("a table correction sets region, time or unit, not " + d.field());
            }
            out.put(c.key(), fields);
        }
        return out;
    }

    /**
     * After a run: gives each table decision of run database {@code db} to the figures now under its header that lack
     * it ({@link ReviewStore#reapplyTableDecisions}). {@code units} is asked only when a unit correction needs it.
     * Returns how many figures got a decision.
     */
    public static int reapply(Path db, java.util.function.Supplier<UnitScale> units) {
        try (ReviewStore reviews = ReviewStore.open(db)) {
            if (reviews.tableDecisions(false).isEmpty()) return 0;
            try (TableCells cells = open(db)) {
                UnitScale[] scale = new UnitScale[1];
                return reviews.reapplyTableDecisions(d -> {
                    if (d.field().equals("unit") && scale[0] == null) scale[0] = units.get();
                    return corrections(d, cells.under(d), scale[0]);
                });
            }
        }
    }

    private ReviewException problem(String what, SQLException e) {
        return new ReviewException("cannot " + what + " from " + file + " (does it come from a figtrace run that"
                + " rebuilds tables?): " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new ReviewException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
