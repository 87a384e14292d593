package figtrace.store;

import figtrace.review.FigureKey;
import figtrace.review.ReviewException;
import figtrace.review.TableCells;
import figtrace.review.TableDecision;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@link TableCells} over the {@code tables} and {@code cells} tables of a run database (SQLite). */
public final class SqliteTableCells extends ReviewConnection implements TableCells {

    private SqliteTableCells(Path file, Connection connection) {
        super(file, connection);
    }

    public static SqliteTableCells open(Path db) {
        try {
            return new SqliteTableCells(db, SqliteStore.connect(db, true));
        } catch (StoreException e) {
            throw new ReviewException("cannot open " + db + ": " + e.getMessage(), e);
        }
    }

    @Override
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

    @Override
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

    @Override
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

    private ReviewException problem(String what, SQLException e) {
        return new ReviewException("cannot " + what + " from " + file + " (does it come from a figtrace run that"
                + " rebuilds tables?): " + e.getMessage(), e);
    }

}
