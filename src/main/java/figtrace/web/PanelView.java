package figtrace.web;

import figtrace.cite.Citations;
import figtrace.model.Figure;
import figtrace.panel.Check;
import figtrace.panel.PanelKey;
import figtrace.panel.PanelRow;
import figtrace.panel.PanelSource;
import figtrace.panel.PanelStage;
import figtrace.panel.PanelStatus;
import figtrace.pipeline.PanelRun;
import figtrace.pipeline.RegionCodes;
import figtrace.review.DocumentInfo;
import figtrace.review.FigureKey;
import figtrace.review.FigureTable;
import figtrace.review.ReviewStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The panel tab's answers: the dataset with filters (conflicts first), one cell with all its sources side by side,
 * and a citation of a cell. The panel is built from the store with the review decisions applied, and built again
 * after any decision, so accepting a source resolves its conflict at once.
 */
final class PanelView {

    private final Path db;
    private final Path patterns;
    private final FigureTable table;
    private final ReviewStore reviews;
    private PanelStage.Panel panel;
    /** Indicator names from indicators.tsv (gdp → 地区生产总值), read once. */
    private Map<String, String> catalogueNames;

    /** The catalogue's name of an indicator id; a growth id is its base's name with 增速; null for an id it lacks. */
    private synchronized String indicatorName(String id) {
        if (catalogueNames == null) {
            Map<String, String> m = new java.util.HashMap<>();
            figtrace.rules.Problems problems = new figtrace.rules.Problems();
            for (figtrace.rules.PatternTable.Row row : figtrace.rules.PatternTable.read(patterns, "indicators.tsv", problems, "id", "name")) {
                m.putIfAbsent(row.get("id"), row.get("name"));
            }
            catalogueNames = m;
        }
        String name = catalogueNames.get(id);
        String growth = "_growth"; // the panel's id of a growth rate: its indicator's id with this suffix
        if (name == null && id.endsWith(growth)) {
            String base = catalogueNames.get(id.substring(0, id.length() - growth.length()));
            if (base != null) name = base + "增速";
        }
        return name;
    }

    /** Region levels from regions.tsv, read once: charts ask for them on every request. */
    private java.util.function.Function<String, String> levels;

    PanelView(Path db, Path patterns, FigureTable table, ReviewStore reviews) {
        this.db = db;
        this.patterns = patterns;
        this.table = table;
        this.reviews = reviews;
    }

    /** Forgets the built panel; the next request builds it again (after a review decision). */
    synchronized void invalidate() {
        panel = null;
    }

    private synchronized PanelStage.Panel panel() {
        if (panel == null) {
            try {
                panel = PanelRun.build(db, patterns, RegionCodes.load(patterns));
            } catch (IllegalArgumentException | figtrace.rules.RulesException e) {
                throw new Http.BadRequest("the panel rules cannot be read: " + e.getMessage());
            }
        }
        return panel;
    }

    /** The panel and its checks as export sheets, as {@code figtrace export} writes them. */
    Map<String, java.util.List<String[]>> sheets() {
        PanelStage.Panel p = panel();
        Map<String, java.util.List<String[]>> sheets = new java.util.LinkedHashMap<>();
        sheets.put("panel", figtrace.panel.PanelTables.panel(p.rows()));
        sheets.put("panel_checks", figtrace.panel.PanelTables.checks(p.checks()));
        return sheets;
    }

    private synchronized java.util.function.Function<String, String> regionLevels() {
        if (levels == null) levels = RegionCodes.levels(patterns);
        return levels;
    }

    Map<String, Object> rows(Map<String, String> q) {
        String indicator = blankToNull(q.get("indicator")), region = blankToNull(q.get("region"));
        String period = blankToNull(q.get("period")), status = blankToNull(q.get("status"));
        List<PanelRow> all = panel().rows();
        List<PanelRow> rows = new ArrayList<>();
        for (PanelRow r : all) {
            if (indicator != null && !r.key().indicatorId().equals(indicator)) continue;
            if (region != null && !r.key().region().equals(region)) continue;
            if (period != null && !r.key().period().equals(period)) continue;
            if (status != null && !r.status().code().equals(status)) continue;
            rows.add(r);
        }
        rows.sort(Comparator.comparingInt((PanelRow r) -> r.status() == PanelStatus.CONFLICT ? 0 : 1)
                .thenComparing(PanelRow::key));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", rows.size());
        answer.put("rows", rows.stream().limit(500).map(PanelView::row).toList());
        Map<String, Object> facets = new LinkedHashMap<>();
        facets.put("indicator", new TreeSet<>(all.stream().map(r -> r.key().indicatorId()).toList()));
        facets.put("region", new TreeSet<>(all.stream().map(r -> r.key().region()).toList()));
        facets.put("period", new TreeSet<>(all.stream().map(r -> r.key().period()).toList()));
        answer.put("facets", facets);
        // the page shows an indicator by its name (地区生产总值), not its id (gdp)
        Map<String, String> names = new java.util.TreeMap<>();
        for (PanelRow r : all) {
            String id = r.key().indicatorId(), name = indicatorName(id);
            if (name == null) name = r.indicator();
            if (name != null && !name.isBlank()) names.putIfAbsent(id, name);
        }
        answer.put("indicator_names", names);
        return answer;
    }

    /**
     * A chart from the panel: one indicator at the whole-region scope, the chosen value per point, each point naming
     * its cell so a click opens its sources. {@code by} "period" holds one region (asked for, else the one with the
     * most periods); "region" holds one period (asked for, else the latest covering the most regions) and one level
     * of region (the commonest among them), so a province is never drawn beside its prefectures.
     */
    Map<String, Object> chart(Map<String, String> q, String by) {
        String indicator = required(q, "indicator");
        List<PanelRow> rows = new ArrayList<>(panel().rows().stream()
                .filter(r -> r.key().indicatorId().equals(indicator) && r.key().scope().isEmpty()).toList());
        String unit = commonest(rows.stream().map(PanelRow::unit).toList());
        rows.removeIf(r -> !r.unit().equals(unit));
        boolean overTime = by.equals("period");
        String fixedName = overTime ? "region" : "period";
        String fixed = blankToNull(q.get(fixedName));
        if (fixed == null) {
            java.util.Map<String, java.util.Set<String>> spread = new java.util.TreeMap<>(Comparator.reverseOrder());
            for (PanelRow r : rows) {
                spread.computeIfAbsent(overTime ? r.key().region() : r.key().period(), k -> new TreeSet<>())
                        .add(overTime ? r.key().period() : r.key().region());
            }
            fixed = spread.entrySet().stream().max(Comparator.comparingInt(
                    (Map.Entry<String, java.util.Set<String>> e) -> e.getValue().size())).map(Map.Entry::getKey).orElse(null);
        }
        String chosen = fixed;
        rows.removeIf(r -> !(overTime ? r.key().region() : r.key().period()).equals(chosen));
        String level = null;
        if (!overTime) {
            java.util.function.Function<String, String> levels = regionLevels();
            level = commonest(rows.stream().map(r -> levels.apply(r.key().region())).toList());
            String keep = level;
            rows.removeIf(r -> !levels.apply(r.key().region()).equals(keep));
        }
        rows.sort(Comparator.comparing(r -> overTime ? r.key().period() : r.key().region()));
        List<Map<String, Object>> points = new ArrayList<>();
        for (PanelRow r : rows) {
            Map<String, Object> p = row(r);
            p.put("label", overTime ? r.key().period() : r.key().region());
            points.add(p);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("indicator", indicator);
        answer.put("by", by);
        answer.put(fixedName, fixed);
        answer.put("level", level);
        answer.put("unit", unit);
        answer.put("points", points);
        return answer;
    }

    private static String commonest(List<String> values) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String v : values) counts.merge(v == null ? "" : v, 1, Integer::sum);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** One cell: the row, every source with its quote and review status, and the checks about it. */
    Map<String, Object> cell(Map<String, String> q) {
        PanelRow row = find(q);
        Map<String, Object> answer = row(row);
        List<Map<String, Object>> sources = new ArrayList<>();
        for (String id : row.figureIds()) {
            for (Figure f : table.figuresWithId(id)) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("id", f.id());
                s.put("doc", f.doc());
                s.put("page", f.page());
                s.put("line", f.line());
                s.put("raw", f.raw());
                s.put("value", f.value() == null ? null : f.value().toPlainString());
                s.put("quote", f.quote());
                s.put("chosen", f.id().equals(row.chosen().figureId()) && f.doc().equals(row.chosen().doc()));
                s.put("review", reviews.review(new FigureKey(f.doc(), f.id())).status().code());
                sources.add(s);
            }
        }
        answer.put("sources", sources);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Check c : panel().checks()) {
            if (!c.key().equals(row.key()) && !c.first().figureId().equals(row.chosen().figureId())) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", c.kind());
            m.put("status", c.status().code());
            m.put("reason", c.reason());
            checks.add(m);
        }
        answer.put("checks", checks);
        return answer;
    }

    /** GB/T 7714 citations of every document behind a cell, each with the line and quote. */
    Map<String, Object> cite(Map<String, String> q) {
        PanelRow row = find(q);
        List<String> citations = new ArrayList<>();
        for (String id : row.figureIds()) {
            for (Figure f : table.figuresWithId(id)) {
                DocumentInfo info = table.document(f.doc()).orElse(null);
                if (info != null) citations.add(Citations.cite(info, f));
            }
        }
        return Map.of("key", row.key().toString(), "citations", citations);
    }

    private PanelRow find(Map<String, String> q) {
        PanelKey key = new PanelKey(required(q, "indicator"), required(q, "region"), required(q, "period"),
                q.getOrDefault("scope", ""));
        return panel().rows().stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new Http.NotFound("no panel row " + key));
    }

    private static Map<String, Object> row(PanelRow r) {
        PanelSource s = r.chosen();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicator_id", r.key().indicatorId());
        m.put("indicator", r.indicator());
        m.put("region", r.key().region());
        m.put("region_code", r.regionCode());
        m.put("period", r.key().period());
        m.put("scope", r.key().scope());
        m.put("value", r.value().toPlainString());
        m.put("unit", r.unit());
        m.put("status", r.status().code());
        m.put("n_sources", r.nSources());
        m.put("doc", s.doc());
        m.put("page", s.page());
        m.put("line", s.line());
        m.put("id", s.figureId());
        m.put("raw", s.raw());
        return m;
    }

    private static String required(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isBlank()) throw new Http.BadRequest("missing parameter '" + name + "'");
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
