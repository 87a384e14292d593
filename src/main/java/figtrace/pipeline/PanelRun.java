package figtrace.pipeline;

import figtrace.panel.PanelRules;
import figtrace.panel.PanelRulesFile;
import figtrace.panel.PanelSource;
import figtrace.panel.PanelSources;
import figtrace.panel.PanelStage;
import figtrace.panel.PanelTables;
import figtrace.review.FigureFilter;
import figtrace.review.FigureTable;
import figtrace.review.ReviewStatus;
import figtrace.review.ReviewStore;
import figtrace.review.ReviewedFigure;
import figtrace.store.DocumentRow;
import figtrace.store.OutputWriter;
import figtrace.store.Store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the panel from what a run stored: every current figure with its review applied, its document's kind, and
 * the panel rules in patterns/. Writes {@code panel.csv} and {@code panel_checks.csv}.
 */
public final class PanelRun {

    private PanelRun() {}

    /** The panel of the figures stored in {@code db}. */
    public static PanelStage.Panel build(Path db, Path patternsDir, Function<String, String> regionCodes) {
        PanelRules rules = PanelRulesFile.read(patternsDir);
        PanelSources sources = new PanelSources(rules);
        Map<String, DocumentRow> docs;
        Map<String, String> texts = new java.util.HashMap<>();
        try (Store store = Store.open(db)) {
            docs = store.documentRows();
            for (String doc : docs.keySet()) store.documentText(doc).ifPresent(t -> texts.put(doc, t));
        }
        List<PanelSource> inputs = new ArrayList<>();
        try (ReviewStore reviews = ReviewStore.open(db); FigureTable table = FigureTable.open(db, reviews)) {
            for (ReviewedFigure f : table.all(new FigureFilter(null, null, null, null, null, null, null, null), null)) {
                DocumentRow doc = docs.get(f.figure().doc());
                if (doc == null || doc.retired()) continue;
                ReviewStatus status = f.review().status();
                Map<String, Object> columns = f.review().apply(f.figure());
                String rule = f.figure().rule();
                String title = rule != null && rule.contains("table")
                        ? tableTitle(texts.get(f.figure().doc()), f.figure().charStart()) : null;
                PanelSource s = sources.of(columns, doc.metadata().get("doc_kind"), doc.metadata().get("own_region"),
                        title, f.figure().spanStart(), status == ReviewStatus.ACCEPTED || status == ReviewStatus.CORRECTED,
                        status == ReviewStatus.REJECTED);
                if (s != null) inputs.add(s);
            }
        }
        return new PanelStage(rules, regionCodes).build(inputs);
    }

    /**
     * The title of the table a cell at {@code rowStart} belongs to: the nearest line above it that is no table row (no
     * tab-separated cells) and names a table (表: 2025年市本级一般公共预算收入执行情况表), within 60 lines; null when
     * there is none. Header rows (项目 预算数 执行数) and unit notes are passed over.
     */
    static String tableTitle(String text, int rowStart) {
        if (text == null || rowStart <= 0 || rowStart > text.length()) return null;
        int end = text.lastIndexOf('\n', rowStart - 1);
        for (int n = 0; n < 60 && end > 0; n++) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(start, end).strip();
            end = start - 1;
            if (line.isEmpty() || line.contains("\t") || !line.contains("表")) continue;
            return line.length() > 200 ? line.substring(line.length() - 200) : line;
        }
        return null;
    }

    /** Stores the panel in the database {@code db} and writes panel.csv and panel_checks.csv into {@code out}. */
    public static void save(PanelStage.Panel panel, Path db, Path out) throws IOException {
        try (Store store = Store.open(db)) {
            store.savePanel(panel);
        }
        write(panel, out);
    }

    /** Writes panel.csv and panel_checks.csv into {@code out}. */
    public static void write(PanelStage.Panel panel, Path out) throws IOException {
        OutputWriter writer = new OutputWriter(out);
        writer.writeCsvTable(PanelTables.PANEL_CSV, PanelTables.panel(panel.rows()));
        writer.writeCsvTable(PanelTables.CHECKS_CSV, PanelTables.checks(panel.checks()));
    }
}
