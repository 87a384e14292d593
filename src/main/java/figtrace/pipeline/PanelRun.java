package figtrace.pipeline;

import figtrace.ids.Sha256;
import figtrace.panel.Check;
import figtrace.panel.CheckOrder;
import figtrace.panel.PanelFamilies;
import figtrace.panel.PanelRow;
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
import figtrace.store.PanelParts;
import figtrace.store.Store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the panel from what a run stored: every current figure with its review applied, its document's kind, and
 * the panel rules in patterns/. Writes {@code panel.csv} and {@code panel_checks.csv}.
 *
 * <p>The panel is built one indicator family at a time ({@link PanelFamilies}: an indicator, its growth rate, and the
 * totals and parts the rules tie to it), reading only that family's figures from the store (indexed on indicator_id),
 * so memory follows the largest family, not the corpus. {@link #update} keeps the outputs incremental: it notes which
 * families each document's figures are in, and after a run rebuilds only the families of documents that changed
 * (their old and new figures), from the store, rewriting only those families' stored rows and part files
 * ({@link PanelParts}); the output files are merged from the parts and replaced only when their bytes change.
 */
public final class PanelRun {

    /** Where {@link #update} notes what the panel parts were built from. */
    static final String STATE = "state.json";
    private static final String FORMAT = "panel parts v1";
    static final int MAX_EXTRA_FIGURES = 2000;

    private PanelRun() {}

    /** The panel of the figures stored in {@code db}, built family by family and merged. */
    public static PanelStage.Panel build(Path db, Path patternsDir, Function<String, String> regionCodes) {
        PanelRules rules = PanelRulesFile.read(patternsDir);
        try (StoredPanelFamilies f = new StoredPanelFamilies(db, rules, regionCodes)) {
            List<PanelRow> rows = new ArrayList<>();
            List<OrderedCheck> checks = new ArrayList<>();
            for (String family : f.allFamilies()) {
                PanelStage.Ordered o = f.build(family);
                rows.addAll(o.rows());
                for (int i = 0; i < o.checks().size(); i++) {
                    checks.add(new OrderedCheck(o.orders().get(i), i, o.checks().get(i)));
                }
            }
            rows.sort(java.util.Comparator.comparing(PanelRow::key));
            checks.sort(java.util.Comparator.comparing(OrderedCheck::order).thenComparingInt(OrderedCheck::seq));
            return new PanelStage.Panel(rows, checks.stream().map(OrderedCheck::check).toList());
        }
    }

    private record OrderedCheck(CheckOrder order, int seq, Check check) {}

    /**
     * The panel in one build over all figures at once, as the panel was made before it was built by family: the
     * reference that {@link #build} and {@link #update} must equal (the tests compare them). Memory grows with the
     * corpus.
     */
    static PanelStage.Panel buildWhole(Path db, Path patternsDir, Function<String, String> regionCodes) {
        PanelRules rules = PanelRulesFile.read(patternsDir);
        PanelSources sources = new PanelSources(rules, name -> !regionCodes.apply(name).isEmpty());
        List<PanelSource> inputs = new ArrayList<>();
        try (Store store = Store.open(db); ReviewStore reviews = ReviewStore.open(db);
             FigureTable table = FigureTable.open(db, reviews)) {
            Map<String, DocumentRow> docs = store.documentRows();
            Map<String, String> texts = new java.util.HashMap<>(2);
            table.forEach(new FigureFilter(null, null, null, null, null, null, null, null), f -> {
                PanelSource s = source(sources, store, docs, texts, f);
                if (s != null) inputs.add(s);
            });
        }
        return new PanelStage(rules, regionCodes).build(inputs);
    }

    /** The panel source of one stored figure, or null when it does not enter the panel. */
    static PanelSource source(PanelSources sources, Store store, Map<String, DocumentRow> docs,
                                      Map<String, String> texts, ReviewedFigure f) {
        DocumentRow doc = docs.get(f.figure().doc());
        if (doc == null || doc.retired()) return null;
        ReviewStatus status = f.review().status();
        Map<String, Object> columns = f.review().apply(f.figure());
        String rule = f.figure().rule();
        String title = rule != null && rule.contains("table")
                ? tableTitle(textOf(store, texts, f.figure().doc()), f.figure().charStart()) : null;
        String before = sources.opensWithPart(f.figure().quote())
                ? sentenceBefore(textOf(store, texts, f.figure().doc()), f.figure().charStart()) : null;
        return sources.of(columns, doc.metadata().get("doc_kind"), doc.metadata().get("own_region"),
                title, before, f.figure().spanStart(), status == ReviewStatus.ACCEPTED || status == ReviewStatus.CORRECTED,
                status == ReviewStatus.REJECTED);
    }

    /** The indicator a figure enters the panel under, after review: its id, or its name when it has none. */
    static String indicatorOf(Map<String, Object> columns) {
        Object id = columns.get("indicator_id");
        if (id != null && !id.toString().isBlank()) return id.toString();
        Object name = columns.get("indicator");
        return name != null && !name.toString().isBlank() ? name.toString() : null;
    }

    /** What {@link #update} did. */
    public record Update(int families, int rebuiltFamilies, boolean full, int filesReplaced) {}

    /**
     * Brings the stored panel and panel.csv / panel_checks.csv in {@code out} up to date with the store: only the
     * families of documents whose stored rows or reviews changed since the last update are rebuilt (all of them when
     * the panel rules, region codes or the extractor changed, or no earlier state is there). The outputs equal those
     * of {@link #save}({@link #buildWhole}) byte for byte.
     */
    public static Update update(Path db, Path patternsDir, Path out) throws IOException {
        PanelRules rules = PanelRulesFile.read(patternsDir);
        Function<String, String> regionCodes = RegionCodes.load(patternsDir);
        PanelParts parts = new PanelParts(out);
        Path stateFile = parts.dir().resolve(STATE);
        String global = globalStamp(patternsDir);
        try (StoredPanelFamilies f = new StoredPanelFamilies(db, rules, regionCodes)) {
            PanelState old = PanelState.read(stateFile);
            Map<String, String> stamps = f.docStamps();
            boolean full = old == null || !old.global().equals(global)
                    || old.nonEmpty().stream().anyMatch(family -> !parts.has(family));
            Set<String> changed = new TreeSet<>();
            if (!full) {
                for (Map.Entry<String, String> e : stamps.entrySet()) {
                    PanelState.Doc was = old.docs().get(e.getKey());
                    if (was == null || !was.stamp().equals(e.getValue())) changed.add(e.getKey());
                }
                for (String doc : old.docs().keySet()) if (!stamps.containsKey(doc)) changed.add(doc);
            }
            Map<String, Set<String>> familiesByDoc = f.familiesByDoc(full ? null : changed.stream()
                    .filter(stamps::containsKey).toList());
            Set<String> rebuild = new TreeSet<>();
            if (full) {
                rebuild.addAll(f.allFamilies());
            } else {
                for (String doc : changed) {
                    PanelState.Doc was = old.docs().get(doc);
                    if (was != null) rebuild.addAll(was.families());
                    rebuild.addAll(familiesByDoc.getOrDefault(doc, Set.of()));
                }
            }
            Files.deleteIfExists(stateFile); // a crash from here on leaves no state, so the next update rebuilds all
            Set<String> nonEmpty = new TreeSet<>(full ? Set.of() : old.nonEmpty());
            if (full) {
                parts.clear();
                f.store.savePanel(new PanelStage.Panel(List.of(), List.of()));
            }
            for (String family : rebuild) {
                PanelStage.Ordered o = f.build(family);
                f.store.replacePanel(full ? List.of() : f.families.rowIds(family), new PanelStage.Panel(o.rows(), o.checks()));
                parts.write(family, o);
                if (o.rows().isEmpty() && o.checks().isEmpty()) nonEmpty.remove(family); else nonEmpty.add(family);
            }
            Map<String, PanelState.Doc> docs = new TreeMap<>();
            for (Map.Entry<String, String> e : stamps.entrySet()) {
                Set<String> families = full || changed.contains(e.getKey())
                        ? familiesByDoc.getOrDefault(e.getKey(), Set.of()) : old.docs().get(e.getKey()).families();
                docs.put(e.getKey(), new PanelState.Doc(e.getValue(), families));
            }
            int replaced = parts.writeOutputs();
            new PanelState(global, docs, nonEmpty).write(stateFile);
            return new Update(nonEmpty.size(), rebuild.size(), full, replaced);
        }
    }

    /** What the parts depend on besides the documents: the panel rules, the region codes, the code. */
    private static String globalStamp(Path patternsDir) throws IOException {
        StringBuilder s = new StringBuilder(FORMAT).append('\n').append(ExtractorVersion.VALUE).append('\n');
        for (String name : List.of(PanelRulesFile.FILE, "regions.tsv")) {
            Path file = patternsDir.resolve(name);
            s.append(name).append('\t').append(Files.isRegularFile(file) ? Sha256.hex(Files.readString(file)) : "-").append('\n');
        }
        return Sha256.hex(s.toString());
    }

    /** The text of {@code doc}, kept in {@code last} until another document's is asked for. */
    private static String textOf(Store store, Map<String, String> last, String doc) {
        if (!last.containsKey(doc)) {
            last.clear();
            last.put(doc, store.documentText(doc).orElse(null));
        }
        return last.get(doc);
    }

    /**
     * The title of the table a cell at {@code rowStart} belongs to: the nearest line above it that is no table row (no
     * tab-separated cells) and names a table (表: 2025年市本级一般公共预算收入执行情况表), within 60 lines; null when
     * there is none. Header rows (项目 预算数 执行数) and unit notes are passed over.
     */
    /** The sentence that ends right before {@code at} (after the 。；！？ before it), or null. */
    public static String sentenceBefore(String text, int at) {
        if (text == null || at <= 0 || at > text.length()) return null;
        int end = at;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (end == 0) return null;
        int start = end - 1;
        while (start > 0 && "。；！？".indexOf(text.charAt(start - 1)) < 0 && end - start < 400) start--;
        return text.substring(start, end);
    }

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
