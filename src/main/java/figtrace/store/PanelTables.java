package figtrace.store;

import figtrace.panel.Check;
import figtrace.panel.PanelRow;
import figtrace.panel.PanelStage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Writes the panel into the tables {@code panel}, {@code panel_sources} and {@code panel_checks} (migration 004). */
final class PanelTables {

    private PanelTables() {}

    /** Replaces the stored panel with {@code panel}; the caller commits. */
    static void replace(Connection connection, PanelStage.Panel panel) throws SQLException {
        replace(connection, null, panel);
    }

    /**
     * Replaces the stored rows, sources and checks of the row indicators {@code indicatorIds} (all when null) with
     * {@code panel}, which holds only rows and checks of those indicators; the caller commits.
     */
    /**
     * Replaces the stored rows, sources and checks of each row indicator of {@code regionsByIndicator} in each of its
     * regions with {@code panel}; one pass over each table (the pairs go into a temporary table), the caller commits.
     */
    static void replaceRegions(Connection connection, Map<String, ? extends java.util.Collection<String>> regionsByIndicator,
                               PanelStage.Panel panel) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("CREATE TEMP TABLE IF NOT EXISTS panel_replaced (indicator_id TEXT NOT NULL,"
                    + " region TEXT NOT NULL, PRIMARY KEY (indicator_id, region)) WITHOUT ROWID");
            st.executeUpdate("DELETE FROM temp.panel_replaced");
        }
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT OR IGNORE INTO temp.panel_replaced (indicator_id, region) VALUES (?, ?)")) {
            for (Map.Entry<String, ? extends java.util.Collection<String>> e : regionsByIndicator.entrySet()) {
                for (String region : e.getValue()) {
                    st.setString(1, e.getKey());
                    st.setString(2, region);
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
        try (Statement st = connection.createStatement()) {
            for (String table : java.util.List.of("panel", "panel_sources", "panel_checks")) {
                st.executeUpdate("DELETE FROM " + table + " WHERE EXISTS (SELECT 1 FROM temp.panel_replaced r"
                        + " WHERE r.indicator_id = " + table + ".indicator_id AND r.region = " + table + ".region)");
            }
            st.executeUpdate("DELETE FROM temp.panel_replaced");
        }
        insert(connection, panel);
    }

    static void replace(Connection connection, java.util.Collection<String> indicatorIds, PanelStage.Panel panel)
            throws SQLException {
        if (indicatorIds == null) {
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("DELETE FROM panel");
                st.executeUpdate("DELETE FROM panel_sources");
                st.executeUpdate("DELETE FROM panel_checks");
            }
        } else {
            for (String table : java.util.List.of("panel", "panel_sources", "panel_checks")) {
                try (PreparedStatement st = connection.prepareStatement("DELETE FROM " + table + " WHERE indicator_id = ?")) {
                    for (String id : indicatorIds) {
                        st.setString(1, id);
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            }
        }
        insert(connection, panel);
    }

    /** Inserts the rows, sources and checks of {@code panel}; the caller commits. */
    private static void insert(Connection connection, PanelStage.Panel panel) throws SQLException {
        try (PreparedStatement row = connection.prepareStatement("INSERT INTO panel (indicator_id, indicator, region,"
                + " region_code, period, scope, value, value_num, unit, status, n_sources, doc, page, line, quote,"
                + " figure_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement source = connection.prepareStatement("INSERT INTO panel_sources (indicator_id, region,"
                     + " period, scope, figure_id, chosen) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (PanelRow r : panel.rows()) {
                row.setString(1, r.key().indicatorId());
                row.setString(2, r.indicator());
                row.setString(3, r.key().region());
                row.setString(4, r.regionCode());
                row.setString(5, r.key().period());
                row.setString(6, r.key().scope());
                row.setString(7, r.value().toPlainString());
                row.setDouble(8, r.value().doubleValue());
                row.setString(9, r.unit());
                row.setString(10, r.status().code());
                row.setInt(11, r.nSources());
                row.setString(12, r.chosen().doc());
                if (r.chosen().page() == null) row.setNull(13, java.sql.Types.INTEGER); else row.setInt(13, r.chosen().page());
                row.setInt(14, r.chosen().line());
                row.setString(15, r.chosen().quote());
                row.setString(16, r.chosen().figureId());
                row.addBatch();
                for (String id : r.figureIds()) {
                    source.setString(1, r.key().indicatorId());
                    source.setString(2, r.key().region());
                    source.setString(3, r.key().period());
                    source.setString(4, r.key().scope());
                    source.setString(5, id);
                    source.setInt(6, id.equals(r.chosen().figureId()) ? 1 : 0);
                    source.addBatch();
                }
            }
            row.executeBatch();
            source.executeBatch();
        }
        try (PreparedStatement check = connection.prepareStatement("INSERT INTO panel_checks (check_kind, indicator_id,"
                + " region, period, scope, status, expected, actual, first_doc, first_figure_id, second_doc,"
                + " second_figure_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Check c : panel.checks()) {
                check.setString(1, c.kind());
                check.setString(2, c.key().indicatorId());
                check.setString(3, c.key().region());
                check.setString(4, c.key().period());
                check.setString(5, c.key().scope());
                check.setString(6, c.status().code());
                check.setString(7, c.expected() == null ? null : c.expected().toPlainString());
                check.setString(8, c.actual() == null ? null : c.actual().toPlainString());
                check.setString(9, c.first().doc());
                check.setString(10, c.first().figureId());
                check.setString(11, c.second().doc());
                check.setString(12, c.second().figureId());
                check.setString(13, c.reason());
                check.addBatch();
            }
            check.executeBatch();
        }
    }
}
