package figtrace.store;

import figtrace.review.Action;
import figtrace.review.Decision;
import figtrace.review.FigureKey;
import figtrace.review.FigureReview;
import figtrace.review.ReviewException;
import figtrace.review.TableDecision;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Corrections of what a table column or row means (table {@code table_decisions}) and the decisions they make for
 * the figures under the header, for {@link SqliteReviewStore}: on its connection, in its transactions (a table
 * decision and its figures' corrections are one batch that undo takes back whole), called under its lock.
 */
final class SqliteTableDecisions {
    private final DecisionRows rows;
    private final Runnable rollback;

    SqliteTableDecisions(DecisionRows rows, Runnable rollback) {
        this.rows = rows;
        this.rollback = rollback;
    }

    /**
     * Records a correction of what a table column or row means, and the corrections it makes to the figures under it
     * ({@code corrections}: figure → field → value), all in one transaction and one batch ({@link TableDecision#batch()})
     * that {@link SqliteReviewStore#undoLast()} undoes as a whole.
     */
    TableDecision record(String doc, String tableId, String caption, String axis, String header, String field,
                         String value, Map<FigureKey, Map<String, String>> corrections) {
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
            try (PreparedStatement st = rows.connection.prepareStatement("INSERT INTO table_decisions (doc, table_id,"
                    + " caption, axis, header, field, new_value, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, doc);
                st.setString(2, tableId);
                st.setString(3, caption);
                st.setString(4, axis);
                st.setString(5, header);
                st.setString(6, field);
                st.setString(7, value);
                st.setString(8, rows.clock.instant().toString());
                st.executeUpdate();
                try (ResultSet rs = st.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            String batch = "t" + id;
            for (Map.Entry<FigureKey, Map<String, String>> e : corrections.entrySet()) {
                for (Map.Entry<String, String> f : e.getValue().entrySet()) {
                    rows.insert(e.getKey(), Action.CORRECT, f.getKey(), f.getValue(), null, batch);
                }
            }
            rows.connection.commit();
            return list(true).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
        } catch (SQLException e) {
            rollback.run();
            throw new ReviewException("cannot record the table correction in " + rows.file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback.run();
            throw e;
        }
    }

    /** The table decisions, oldest first; undone ones only when {@code withUndone}. */
    List<TableDecision> list(boolean withUndone) {
        try (PreparedStatement st = rows.connection.prepareStatement("SELECT id, doc, table_id, caption, axis, header,"
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
            rows.connection.commit();
            return list;
        } catch (SQLException e) {
            throw new ReviewException("cannot read the table decisions from " + rows.file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives every table decision to the figures under its header that do not have it yet: after a re-run, cells whose
     * figures are new (their ids changed with the content, or the table reader now finds more cells under the
     * header) get the correction too. {@code corrections} says what a decision changes in which figures now. Returns
     * how many figures got a decision.
     */
    int reapply(java.util.function.Function<TableDecision, Map<FigureKey, Map<String, String>>> corrections) {
        int given = 0;
        try {
            for (TableDecision d : list(false)) {
                java.util.Set<FigureKey> have = new java.util.HashSet<>();
                for (Decision x : rows.select("SELECT " + DecisionRows.COLUMNS + " FROM decisions WHERE batch = ? AND undone = 0",
                        List.of(d.batch()))) {
                    if (!x.orphaned()) have.add(new FigureKey(x.doc(), x.figureId()));
                }
                for (Map.Entry<FigureKey, Map<String, String>> e : corrections.apply(d).entrySet()) {
                    if (have.contains(e.getKey())) continue;
                    for (Map.Entry<String, String> f : e.getValue().entrySet()) {
                        rows.insert(e.getKey(), Action.CORRECT, f.getKey(), f.getValue(), null, d.batch());
                    }
                    given++;
                }
            }
            rows.connection.commit();
            return given;
        } catch (SQLException e) {
            rollback.run();
            throw new ReviewException("cannot apply the table decisions in " + rows.file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback.run();
            throw e;
        }
    }
}
