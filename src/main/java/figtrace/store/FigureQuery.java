package figtrace.store;

import figtrace.review.FigureFilter;
import figtrace.review.FigureTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a figure-table query: a {@link FigureFilter} as a WHERE clause with its parameters, a sort key as ORDER
 * BY, and the join that computes each figure's review status from the decisions only where the filter or sort needs
 * it. {@link SqliteFigureTable} runs what this builds.
 */
final class FigureQuery {
    private FigureQuery() {}

    /**
     * The latest status-changing decision per figure; SQLite returns the bare column {@code action} from the row
     * holding max(id), which is the latest decision.
     */
    static final String FROM_PLAIN = " FROM figures f";

    private static final String FROM_WITH_STATUS = " FROM figures f LEFT JOIN (SELECT doc, figure_id, action, max(id)"
            + " FROM decisions WHERE orphaned = 0 AND undone = 0 AND action IN ('accept', 'reject', 'correct', 'reset')"
            + " GROUP BY doc, figure_id) s ON s.doc = f.doc AND s.figure_id = f.id";

    private static final String STATUS = "CASE s.action WHEN 'accept' THEN 'accepted' WHEN 'reject' THEN 'rejected'"
            + " WHEN 'correct' THEN 'corrected' ELSE 'unreviewed' END";

    /** Sort keys the API accepts, as SQL; the document position always breaks ties so pages never overlap. */
    static final Map<String, String> SORTS = Map.of(
            "doc", "f.doc", "line", "f.doc, f.page, f.line", "value", "f.value_num", "region", "f.region",
            "subject", "f.subject", "time", "f.time", "kind", "f.kind", "indicator", "f.indicator",
            "status", STATUS, "raw", "f.raw");

    static String where(FigureFilter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        exact(conditions, parameters, "f.doc", filter.doc());
        exact(conditions, parameters, "f.region", filter.region());
        exact(conditions, parameters, "f.time", filter.time());
        exact(conditions, parameters, "f.kind", filter.kind());
        exact(conditions, parameters, "f.indicator", filter.indicator());
        if (filter.status() != null) {
            conditions.add(STATUS + " = ?");
            parameters.add(filter.status().code());
        }
        if (present(filter.subject())) {
            conditions.add("f.subject LIKE ? ESCAPE '\\'");
            parameters.add(like(filter.subject()));
        }
        if (present(filter.table())) {
            // the figures read from the cells of one rebuilt table (or one of its columns or rows)
            StringBuilder cells = new StringBuilder("f.id IN (SELECT c.figure_id FROM cells c WHERE c.doc = f.doc"
                    + " AND c.table_id = ? AND c.figure_id IS NOT NULL");
            parameters.add(filter.table());
            if (filter.column() != null) {
                cells.append(" AND c.col = ?");
                parameters.add(filter.column());
            }
            if (filter.row() != null) {
                cells.append(" AND c.row = ?");
                parameters.add(filter.row());
            }
            conditions.add(cells.append(")").toString());
        }
        if (present(filter.text())) {
            conditions.add("(f.quote LIKE ? ESCAPE '\\' OR f.raw LIKE ? ESCAPE '\\' OR f.subject LIKE ? ESCAPE '\\')");
            String pattern = like(filter.text());
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void exact(List<String> conditions, List<Object> parameters, String column, String value) {
        if (!present(value)) return;
        conditions.add(column + " = ?");
        parameters.add(value);
    }

    private static boolean present(String value) { return value != null && !value.isBlank(); }

    /** A LIKE pattern matching {@code text} anywhere, with the LIKE wildcards in it taken literally. */
    private static String like(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static String orderBy(String sort) {
        String tieBreak = "f.doc, f.span_start, f.id";
        if (sort == null || sort.isEmpty() || !FigureTable.validSort(sort)) return " ORDER BY " + tieBreak;
        boolean descending = sort.startsWith("-");
        String expression = SORTS.get(descending ? sort.substring(1) : sort);
        String direction = descending ? " DESC" : " ASC";
        // Each part of a compound key gets the direction. Plain column order (SQLite: NULLs smallest) so the
        // indices serve the sort; "x IS NULL" first would force sorting all rows on every page.
        StringBuilder order = new StringBuilder(" ORDER BY ");
        for (String part : expression.equals(STATUS) ? List.of(STATUS) : List.of(expression.split(", "))) {
            order.append(part).append(direction).append(", ");
        }
        return order.append(tieBreak).toString();
    }

    /** The join with the decisions only where the status is filtered or sorted on: plain queries stay on indices. */
    static String from(FigureFilter filter, String sort) {
        boolean status = filter.status() != null || (sort != null && sort.replace("-", "").equals("status"));
        return status ? FROM_WITH_STATUS : FROM_PLAIN;
    }
}
