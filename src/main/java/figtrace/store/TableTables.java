package figtrace.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import figtrace.model.DocumentResult;
import figtrace.model.Table;
import figtrace.model.TableCell;
import figtrace.model.TableColumn;
import figtrace.model.TableRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tables} and {@code cells} tables of figtrace.db: each rebuilt table (its whole model as JSON, and its
 * caption, pages and unit as columns for SQL) and one row per non-empty body cell with what its row and column say.
 * Created by migration 009_tables_cells.sql; filled inside the document's own transaction.
 */
final class TableTables {
    private static final ObjectMapper JSON = figtrace.json.Json.MAPPER;
    private TableTables() {}

    /** Inserts a document's tables and cells; the caller owns the transaction. */
    static void insert(Connection connection, DocumentResult result) throws SQLException {
        String doc = result.source().name();
        for (String table : List.of("tables", "cells")) {
            try (PreparedStatement st = connection.prepareStatement("DELETE FROM " + table + " WHERE doc = ?")) {
                st.setString(1, doc);
                st.executeUpdate();
            }
        }
        try (PreparedStatement t = connection.prepareStatement("INSERT INTO tables (id, doc, seq, pages, caption, unit,"
                + " side, row_count, column_count, figure_count, model) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement c = connection.prepareStatement("INSERT INTO cells (doc, table_id, row, col, text,"
                     + " char_start, char_end, page, figure_id, row_label, subject, row_region, row_unit, col_header,"
                     + " col_role, col_region, col_period, col_measure, col_unit, col_change)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Table table : result.tables()) {
                t.setString(1, table.id());
                t.setString(2, doc);
                t.setInt(3, table.seq());
                t.setString(4, table.pages().isEmpty() ? null : table.pages().toString());
                t.setString(5, table.caption());
                t.setString(6, table.unit());
                t.setString(7, table.side());
                t.setInt(8, table.rows().size());
                t.setInt(9, table.columns().size());
                t.setLong(10, table.figureCount());
                t.setString(11, json(table));
                t.addBatch();
                for (TableCell cell : table.cells()) {
                    TableRow row = table.rows().get(cell.row());
                    TableColumn col = table.columns().get(cell.column());
                    Object[] values = {doc, table.id(), cell.row(), cell.column(), cell.text(), cell.charStart(),
                            cell.charEnd(), row.page(), cell.figureId(), row.label(), row.subject(), row.region(),
                            row.unit(), col.header(), col.role(), col.region(), col.period(), col.measure(), col.unit(),
                            col.change()};
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] == null) c.setNull(i + 1, Types.NULL);
                        else c.setObject(i + 1, values[i]);
                    }
                    c.addBatch();
                }
            }
            t.executeBatch();
            c.executeBatch();
        }
    }

    /** A document's tables as stored, in document order. */
    static List<Table> tables(Connection connection, String doc) {
        List<Table> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT model FROM tables WHERE doc = ? ORDER BY seq")) {
            st.setString(1, doc);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(JSON.readValue(rs.getString(1), Table.class));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read the tables of " + doc + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The stored tables of one document, or of every document when {@code doc} is null, ordered by document and
     * sequence; a table that cannot be read fails the whole read (the run that wrote it must be done again).
     */
    static List<Table> all(Connection connection, String doc) throws SQLException {
        List<Table> out = new ArrayList<>();
        String sql = "SELECT model FROM tables" + (doc == null ? "" : " WHERE doc = ?") + " ORDER BY doc, seq";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            if (doc != null) st.setString(1, doc);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    try {
                        out.add(JSON.readValue(rs.getString(1), Table.class));
                    } catch (java.io.IOException e) {
                        throw new SQLException("a stored table cannot be read (" + e.getMessage() + "); run figtrace again", e);
                    }
                }
            }
        }
        return out;
    }

    static String json(Table table) {
        try {
            return JSON.writeValueAsString(table);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write table " + table.id() + " as JSON: " + e.getMessage(), e);
        }
    }
}
