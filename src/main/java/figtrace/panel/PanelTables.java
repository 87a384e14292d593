package figtrace.panel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The panel as tables of text cells (header first) for CSV and XLSX: long, checks, and wide. */
public final class PanelTables {

    public static final String PANEL_CSV = "panel.csv";
    public static final String CHECKS_CSV = "panel_checks.csv";
    public static final String CONFLICTS_CSV = "panel_conflicts.csv";

    public static final List<String> PANEL_HEADER = List.of("indicator_id", "indicator", "region", "region_code",
            "period", "scope", "value", "unit", "status", "n_sources", "doc", "page", "line", "quote", "figure_ids");
    public static final List<String> CHECKS_HEADER = List.of("check", "indicator_id", "region", "period", "scope",
            "status", "expected", "actual", "first_doc", "first_page", "first_line", "first_quote", "second_doc",
            "second_page", "second_line", "second_quote", "reason");

    private PanelTables() {}

    public static List<String[]> panel(List<PanelRow> rows) {
        List<String[]> table = new ArrayList<>();
        table.add(PANEL_HEADER.toArray(String[]::new));
        for (PanelRow r : rows) {
            PanelSource s = r.chosen();
            table.add(new String[]{r.key().indicatorId(), nz(r.indicator()), r.key().region(), r.regionCode(),
                    r.key().period(), r.key().scope(), plain(r.value()), r.unit(), r.status().code(),
                    String.valueOf(r.nSources()), s.doc(), s.page() == null ? "" : s.page().toString(),
                    String.valueOf(s.line()), oneLine(s.quote()), String.join(" ", r.figureIds())});
        }
        return table;
    }

    public static List<String[]> checks(List<Check> checks) {
        List<String[]> table = new ArrayList<>();
        table.add(CHECKS_HEADER.toArray(String[]::new));
        for (Check c : checks) {
            table.add(new String[]{c.kind(), c.key().indicatorId(), c.key().region(), c.key().period(),
                    c.key().scope(), c.status().code(), plain(c.expected()), plain(c.actual()),
                    c.first().doc(), page(c.first()), String.valueOf(c.first().line()), oneLine(c.first().quote()),
                    c.second().doc(), page(c.second()), String.valueOf(c.second().line()),
                    oneLine(c.second().quote()), c.reason()});
        }
        return table;
    }

    public static final List<String> CONFLICTS_HEADER = List.of("cause", "check", "indicator_id", "region", "period",
            "scope", "expected", "actual", "first_doc", "first_page", "first_line", "first_quote", "second_doc",
            "second_page", "second_line", "second_quote", "reason");

    /**
     * Every conflict the panel reports, one line each with both sources, its reason, and its cause in words: a check
     * whose status is conflict (documents that disagree on a fact, a level minus its increase or a growth rate that
     * misses the previous level, parts that do not add up). Same-document ambiguities and superseded mentions are no
     * conflicts; they stay in panel_checks.csv.
     */
    public static List<String[]> conflicts(List<Check> checks) {
        List<String[]> table = new ArrayList<>();
        table.add(CONFLICTS_HEADER.toArray(String[]::new));
        for (Check c : checks) {
            if (c.status() != PanelStatus.CONFLICT) continue;
            table.add(new String[]{cause(c), c.kind(), c.key().indicatorId(), c.key().region(), c.key().period(),
                    c.key().scope(), plain(c.expected()), plain(c.actual()),
                    c.first().doc(), page(c.first()), String.valueOf(c.first().line()), oneLine(c.first().quote()),
                    c.second().doc(), page(c.second()), String.valueOf(c.second().line()),
                    oneLine(c.second().quote()), c.reason()});
        }
        return table;
    }

    /** The cause of a conflict as far as the panel can tell it from the check alone. */
    static String cause(Check c) {
        boolean oneDoc = c.first().doc().equals(c.second().doc());
        return switch (c.kind()) {
            case "same_fact" -> oneDoc ? "one document, two values of equal standing"
                    : "two documents disagree (" + kind(c.first()) + " vs " + kind(c.second()) + ")";
            case "level_minus_increase" -> "a level minus its stated increase misses the previous period's level"
                    + (oneDoc ? " (both in one document)" : "");
            case "level_and_growth" -> "a stated growth rate does not fit the two levels"
                    + (oneDoc ? " (both in one document)" : "");
            case "parts_sum" -> "parts do not add up to their total";
            default -> c.kind();
        };
    }

    private static String kind(PanelSource s) {
        return s.docKind() == null ? "unknown kind" : s.docKind();
    }

    /**
     * Region × period rows with one value column per chosen indicator (and its unit once in the header), like a
     * hand-made city table. Scopes other than the whole region are left out: a wide table has one value a cell.
     */
    public static List<String[]> wide(List<PanelRow> rows, List<String> indicators) {
        Map<String, String> units = new LinkedHashMap<>();
        Map<List<String>, Map<String, PanelRow>> cells = new TreeMap<>((a, b) -> {
            int c = a.get(0).compareTo(b.get(0));
            return c != 0 ? c : a.get(1).compareTo(b.get(1));
        });
        for (PanelRow r : rows) {
            if (!r.key().scope().isEmpty() || !indicators.contains(r.key().indicatorId())) continue;
            units.putIfAbsent(r.key().indicatorId(), r.unit());
            cells.computeIfAbsent(List.of(r.key().region(), r.key().period()), k -> new LinkedHashMap<>())
                    .put(r.key().indicatorId(), r);
        }
        List<String[]> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("region", "region_code", "period"));
        for (String id : indicators) header.add(units.containsKey(id) ? id + " (" + units.get(id) + ")" : id);
        for (String id : indicators) header.add(id + "_status");
        table.add(header.toArray(String[]::new));
        for (Map.Entry<List<String>, Map<String, PanelRow>> e : cells.entrySet()) {
            List<String> row = new ArrayList<>(e.getKey().subList(0, 1));
            row.add(e.getValue().values().iterator().next().regionCode());
            row.add(e.getKey().get(1));
            for (String id : indicators) row.add(e.getValue().containsKey(id) ? plain(e.getValue().get(id).value()) : "");
            for (String id : indicators) row.add(e.getValue().containsKey(id) ? e.getValue().get(id).status().code() : "");
            table.add(row.toArray(String[]::new));
        }
        return table;
    }

    private static String page(PanelSource s) {
        return s.page() == null ? "" : s.page().toString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Quotes keep a PDF's line breaks in the text; a spreadsheet cell reads better on one line. */
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
