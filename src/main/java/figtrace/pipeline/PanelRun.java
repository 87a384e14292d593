package figtrace.pipeline;

import figtrace.ids.Sha256;
import figtrace.json.Json;
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
import figtrace.review.FigureKey;
import figtrace.review.FigureReview;
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
    private static final int MAX_EXTRA_FIGURES = 2000;

    private PanelRun() {}

    /** The panel of the figures stored in {@code db}, built family by family and merged. */
    public static PanelStage.Panel build(Path db, Path patternsDir, Function<String, String> regionCodes) {
        PanelRules rules = PanelRulesFile.read(patternsDir);
        try (Families f = new Families(db, rules, regionCodes)) {
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
    private static PanelSource source(PanelSources sources, Store store, Map<String, DocumentRow> docs,
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
    private static String indicatorOf(Map<String, Object> columns) {
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
        try (Families f = new Families(db, rules, regionCodes)) {
            State old = State.read(stateFile);
            Map<String, String> stamps = f.docStamps();
            boolean full = old == null || !old.global().equals(global)
                    || old.nonEmpty().stream().anyMatch(family -> !parts.has(family));
            Set<String> changed = new TreeSet<>();
            if (!full) {
                for (Map.Entry<String, String> e : stamps.entrySet()) {
                    State.Doc was = old.docs().get(e.getKey());
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
                    State.Doc was = old.docs().get(doc);
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
            Map<String, State.Doc> docs = new TreeMap<>();
            for (Map.Entry<String, String> e : stamps.entrySet()) {
                Set<String> families = full || changed.contains(e.getKey())
                        ? familiesByDoc.getOrDefault(e.getKey(), Set.of()) : old.docs().get(e.getKey()).families();
                docs.put(e.getKey(), new State.Doc(e.getValue(), families));
            }
            int replaced = parts.writeOutputs();
            new State(global, docs, nonEmpty).write(stateFile);
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

    /** The store read family by family, with what every family build needs. */
    private static final class Families implements AutoCloseable {
        final PanelFamilies families;
        final Store store;
        final ReviewStore reviews;
        final FigureTable table;
        final Map<String, DocumentRow> docs;
        final Map<FigureKey, FigureReview> reviewed;
        /** Figures whose reviewed indicator moves them to another family, by that family. */
        final Map<String, List<FigureKey>> movedInto = new TreeMap<>();
        final Map<String, Set<String>> movedFamiliesByDoc = new TreeMap<>();
        final PanelSources sources;
        final PanelStage stage;

        Families(Path db, PanelRules rules, Function<String, String> regionCodes) {
            this.families = new PanelFamilies(rules);
            this.sources = new PanelSources(rules, name -> !regionCodes.apply(name).isEmpty());
            this.stage = new PanelStage(rules, regionCodes);
            Store s = Store.open(db);
            ReviewStore r = null;
            try {
                r = ReviewStore.open(db);
                this.table = FigureTable.open(db, r);
            } catch (RuntimeException e) {
                if (r != null) r.close();
                s.close();
                throw e;
            }
            this.store = s;
            this.reviews = r;
            this.docs = store.documentRows();
            this.reviewed = table.reviewsByFigure();
            for (Map.Entry<FigureKey, FigureReview> e : reviewed.entrySet()) {
                Map<String, String> c = e.getValue().corrections();
                if (!c.containsKey("indicator_id") && !c.containsKey("indicator")) continue;
                table.figure(e.getKey()).ifPresent(figure -> {
                    String stored = indicatorOf(FigureReview.UNREVIEWED.apply(figure));
                    String now = indicatorOf(e.getValue().apply(figure));
                    if (now == null) return;
                    String family = families.of(now);
                    if (stored != null && families.of(stored).equals(family)) return;
                    movedInto.computeIfAbsent(family, k -> new ArrayList<>()).add(e.getKey());
                    movedFamiliesByDoc.computeIfAbsent(e.getKey().doc(), k -> new TreeSet<>()).add(family);
                });
            }
        }

        /** Every family any stored figure is in. */
        Set<String> allFamilies() {
            Set<String> all = new TreeSet<>();
            familiesByDoc(null).values().forEach(all::addAll);
            return all;
        }

        /** The families of each document's figures (after review), for {@code docs} or all documents when null. */
        Map<String, Set<String>> familiesByDoc(List<String> docs) {
            Map<String, Set<String>> byDoc = new TreeMap<>();
            table.indicatorsByDoc(docs).forEach((doc, ids) -> {
                Set<String> fams = byDoc.computeIfAbsent(doc, d -> new TreeSet<>());
                for (String id : ids) fams.add(families.of(id));
            });
            movedFamiliesByDoc.forEach((doc, fams) -> {
                if (docs == null || docs.contains(doc)) byDoc.computeIfAbsent(doc, d -> new TreeSet<>()).addAll(fams);
            });
            return byDoc;
        }

        /** A stamp of what each stored document gives the panel: its stored row and its figures' reviews. */
        Map<String, String> docStamps() {
            Map<String, StringBuilder> reviewText = new TreeMap<>();
            reviewed.forEach((k, r) -> reviewText.computeIfAbsent(k.doc(), d -> new StringBuilder()).append(k.id())
                    .append('\t').append(r.status()).append('\t').append(new TreeMap<>(r.corrections())).append('\n'));
            Map<String, String> stamps = new TreeMap<>();
            for (DocumentRow r : docs.values()) {
                String state = r.doc() + '\t' + r.sha256() + '\t' + r.rulesFingerprint() + '\t' + r.extractorVersion()
                        + '\t' + r.status().code() + '\t' + r.figureCount() + '\t' + r.metadata() + '\t' + r.retired()
                        + '\t' + reviewText.getOrDefault(r.doc(), new StringBuilder());
                stamps.put(r.doc(), Sha256.hex(state).substring(0, 32));
            }
            return stamps;
        }

        /** The panel of one family, from its figures only (in store order, as one build over all would see them). */
        PanelStage.Ordered build(String family) {
            List<FigureKey> extra = movedInto.getOrDefault(family, List.of());
            if (extra.size() > MAX_EXTRA_FIGURES) extra = extra.subList(0, MAX_EXTRA_FIGURES); // see below
            List<PanelSource> inputs = new ArrayList<>();
            Map<String, String> texts = new java.util.HashMap<>(2);
            table.forEachOfIndicators(families.members(family), extra, reviewed, f -> {
                PanelSource s = source(sources, store, docs, texts, f);
                if (s != null && families.of(s.indicatorId()).equals(family)) inputs.add(s);
            });
            if (movedInto.getOrDefault(family, List.of()).size() > MAX_EXTRA_FIGURES) {
                // Thousands of figures reviewed into one family: read them all the slow way rather than one query each.
                inputs.clear();
                table.forEach(FigureFilter.ALL, f -> {
                    PanelSource s = source(sources, store, docs, texts, f);
                    if (s != null && families.of(s.indicatorId()).equals(family)) inputs.add(s);
                });
            }
            return stage.buildOrdered(inputs);
        }

        @Override
        public void close() {
            try {
                table.close();
            } finally {
                try {
                    reviews.close();
                } finally {
                    store.close();
                }
            }
        }
    }

    /** What the parts were last built from: a stamp of the rules and code, and each document's stamp and families. */
    record State(String global, Map<String, Doc> docs, Set<String> nonEmpty) {
        record Doc(String stamp, Set<String> families) {}

        static State read(Path file) {
            if (!Files.isRegularFile(file)) return null;
            try {
                com.fasterxml.jackson.databind.JsonNode n = Json.MAPPER.readTree(file.toFile());
                Map<String, Doc> docs = new TreeMap<>();
                n.get("docs").fields().forEachRemaining(e -> {
                    Set<String> fams = new TreeSet<>();
                    e.getValue().get("families").forEach(x -> fams.add(x.asText()));
                    docs.put(e.getKey(), new Doc(e.getValue().get("stamp").asText(), fams));
                });
                Set<String> nonEmpty = new TreeSet<>();
                n.get("non_empty").forEach(x -> nonEmpty.add(x.asText()));
                return new State(n.get("global").asText(), docs, nonEmpty);
            } catch (IOException | RuntimeException e) {
                return null; // unreadable: the next update rebuilds everything
            }
        }

        void write(Path file) throws IOException {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("global", global);
            Map<String, Object> d = new java.util.LinkedHashMap<>();
            docs.forEach((doc, v) -> d.put(doc, Map.of("stamp", v.stamp(), "families", v.families())));
            json.put("docs", d);
            json.put("non_empty", nonEmpty);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Json.MAPPER.writeValueAsString(json));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
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
