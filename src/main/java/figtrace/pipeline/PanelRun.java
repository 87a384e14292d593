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
        try (Store store = Store.open(db)) {
            docs = store.documentRows();
        }
        List<PanelSource> inputs = new ArrayList<>();
        try (ReviewStore reviews = ReviewStore.open(db); FigureTable table = FigureTable.open(db, reviews)) {
            for (ReviewedFigure f : table.all(new FigureFilter(null, null, null, null, null, null, null, null), null)) {
                DocumentRow doc = docs.get(f.figure().doc());
                if (doc == null || doc.retired()) continue;
                ReviewStatus status = f.review().status();
                PanelSource s = sources.of(f.review().apply(f.figure()), doc.metadata().get("doc_kind"),
                        f.figure().spanStart(), status == ReviewStatus.ACCEPTED || status == ReviewStatus.CORRECTED,
                        status == ReviewStatus.REJECTED);
                if (s != null) inputs.add(s);
            }
        }
        return new PanelStage(rules, regionCodes).build(inputs);
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
