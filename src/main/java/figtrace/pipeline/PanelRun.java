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
import figtrace.review.ReviewStore;
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
    static final String STATE = "state.bin";
    private static final String FORMAT = "panel parts v2";
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
                PanelSource s = StoredPanelSource.of(sources, store, docs, texts, f);
                if (s != null) inputs.add(s);
            });
        }
        return new PanelStage(rules, regionCodes).build(inputs);
    }

    /** The indicator a figure enters the panel under, after review: its id, or its name when it has none. */
    static String indicatorOf(Map<String, Object> columns) {
        Object id = columns.get("indicator_id");
        if (id != null && !id.toString().isBlank()) return id.toString();
        Object name = columns.get("indicator");
        return name != null && !name.toString().isBlank() ? name.toString() : null;
    }

    /** What {@link #update} did: families with parts, families and (family, region) partitions rebuilt. */
    public record Update(int families, int rebuiltFamilies, int rebuiltPartitions, boolean full, int filesReplaced) {}

    /**
     * Brings the stored panel and panel.csv / panel_checks.csv in {@code out} up to date with the store. The panel is
     * kept by partition: an indicator family ({@link PanelFamilies}) in one region. Every reconciliation check compares
     * sources and rows of one region, and the one thing decided across the corpus, an indicator's dominant unit, is
     * kept as counts per document; so a run rebuilds only the partitions that documents changed since the last update
     * have sources in (old and new), reading only the documents with sources in those partitions, plus every
     * partition of a family whose dominant unit changed. Everything is rebuilt when the panel rules, region codes or
     * the extractor changed, or no earlier state is there. The outputs equal those of {@link #save}({@link
     * #buildWhole}) byte for byte.
     */
    public static Update update(Path db, Path patternsDir, Path out) throws IOException {
        return update(db, patternsDir, out, 1);
    }

    /**
     * As {@link #update(Path, Path, Path)}, a full rebuild building up to {@code jobs} families at a time (each thread
     * reading the store on connections of its own; the results are saved and written in family order, so the outputs
     * are the same for any number).
     */
    public static Update update(Path db, Path patternsDir, Path out, int jobs) throws IOException {
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
            Files.deleteIfExists(stateFile); // a crash from here on leaves no state, so the next update rebuilds all
            if (!full) return rebuildChanged(f, parts, stamps, old, stateFile);
            if (jobs <= 1) return rebuildAll(f, parts, stamps, global, stateFile, family -> () -> built(f, family));
            try (ParallelFamilies parallel = new ParallelFamilies(jobs, () -> new StoredPanelFamilies(db, rules, regionCodes))) {
                return rebuildAll(f, parts, stamps, global, stateFile, parallel::submit);
            }
        }
    }

    /** Every family rebuilt, region by region, noting each document's partitions and unit counts. */
    /** One family built whole for {@link #rebuildAll}: its panel, its regions, and each document's share of it. */
    private record BuiltFamily(PanelStage.Ordered panel, int regions, Map<String, Set<String>> docRegions,
                               Map<String, Map<String, Map<String, Integer>>> docUnits) {}

    /** Builds one family from all its sources in the store, region by region. */
    private static BuiltFamily built(StoredPanelFamilies f, String family) {
        List<PanelSource> sources = f.sources(family);
        Set<PanelSource> partSet = f.stage.parts(sources);
        Map<String, List<PanelSource>> byRegion = new TreeMap<>();
        Map<String, List<PanelSource>> byDoc = new TreeMap<>();
        for (PanelSource s : sources) {
            byRegion.computeIfAbsent(s.region(), r -> new ArrayList<>()).add(s);
            byDoc.computeIfAbsent(s.doc(), d -> new ArrayList<>()).add(s);
        }
        Map<String, Set<String>> docRegions = new TreeMap<>();
        Map<String, Map<String, Map<String, Integer>>> docUnits = new TreeMap<>();
        byDoc.forEach((doc, inDoc) -> {
            docRegions.computeIfAbsent(doc, d -> new TreeSet<>()).addAll(inDoc.stream().map(PanelSource::region).toList());
            Map<String, Map<String, Integer>> counts = PanelStage.unitCounts(inDoc, partSet);
            if (!counts.isEmpty()) docUnits.put(doc, counts);
        });
        Map<String, String> units = PanelStage.dominantUnits(PanelStage.unitCounts(sources, partSet));
        return new BuiltFamily(byRegions(f.stage, byRegion, partSet, units), byRegion.size(), docRegions, docUnits);
    }

    /** A family's build, now or under way on another thread. */
    private interface FamilyBuilds {
        java.util.function.Supplier<BuiltFamily> submit(String family);
    }

    /**
     * Families built on {@code jobs} threads, each with its own {@link StoredPanelFamilies} (SQLite connections are not
     * shared between threads; in WAL mode readers do not wait for the writer). A full rebuild of the panel after a cold
     * run was one core's work while the other idled (bench/README.md, session 9: the serial tail of a run).
     */
    private static final class ParallelFamilies implements AutoCloseable {
        private final java.util.concurrent.ExecutorService threads;
        private final List<StoredPanelFamilies> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        private final ThreadLocal<StoredPanelFamilies> mine;

        ParallelFamilies(int jobs, java.util.function.Supplier<StoredPanelFamilies> open) {
            this.threads = java.util.concurrent.Executors.newFixedThreadPool(jobs, r -> {
                Thread t = new Thread(r, "figtrace-panel");
                t.setDaemon(true);
                return t;
            });
            this.mine = ThreadLocal.withInitial(() -> {
                StoredPanelFamilies f = open.get();
                opened.add(f);
                return f;
            });
        }

        java.util.function.Supplier<BuiltFamily> submit(String family) {
            java.util.concurrent.Future<BuiltFamily> future = threads.submit(() -> built(mine.get(), family));
            return () -> {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while building the panel", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error r) throw r;
                    throw new IllegalStateException(e.getCause());
                }
            };
        }

        @Override
        public void close() {
            threads.shutdownNow();
            try {
                threads.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (opened) {
                for (StoredPanelFamilies f : opened) f.close();
            }
        }
    }

    private static Update rebuildAll(StoredPanelFamilies f, PanelParts parts, Map<String, String> stamps, String global,
                                     Path stateFile, FamilyBuilds builds) throws IOException {
        parts.clear();
        Files.deleteIfExists(parts.dir().resolve("state.json")); // the state of figtrace before partitions by region
        f.store.savePanel(new PanelStage.Panel(List.of(), List.of()));
        Map<String, Map<String, Set<String>>> docParts = new TreeMap<>();
        Map<String, Map<String, Map<String, Map<String, Integer>>>> docUnits = new TreeMap<>();
        Set<String> nonEmpty = new TreeSet<>();
        int partitions = 0;
        Set<String> all = f.allFamilies();
        PanelBatch batch = new PanelBatch(f.store);
        // families are built ahead (at most {@code window} at a time, so memory stays bounded) and taken in order
        final int window = 8;
        java.util.ArrayDeque<java.util.Map.Entry<String, java.util.function.Supplier<BuiltFamily>>> ahead = new java.util.ArrayDeque<>();
        java.util.Iterator<String> next = all.iterator();
        while (next.hasNext() || !ahead.isEmpty()) {
            while (next.hasNext() && ahead.size() < window) {
                String family = next.next();
                ahead.add(Map.entry(family, builds.submit(family)));
            }
            java.util.Map.Entry<String, java.util.function.Supplier<BuiltFamily>> e = ahead.poll();
            String family = e.getKey();
            BuiltFamily b = e.getValue().get();
            b.docRegions().forEach((doc, regions) -> docParts.computeIfAbsent(doc, d -> new TreeMap<>())
                    .computeIfAbsent(family, k -> new TreeSet<>()).addAll(regions));
            b.docUnits().forEach((doc, counts) -> docUnits.computeIfAbsent(doc, d -> new TreeMap<>()).put(family, counts));
            PanelStage.Ordered o = b.panel();
            partitions += b.regions();
            batch.add(o);
            parts.write(family, o);
            if (!o.rows().isEmpty() || !o.checks().isEmpty()) nonEmpty.add(family);
        }
        batch.flush();
        Map<String, PanelState.Doc> docs = new TreeMap<>();
        stamps.forEach((doc, stamp) -> docs.put(doc, new PanelState.Doc(stamp, docParts.getOrDefault(doc, Map.of()),
                docUnits.getOrDefault(doc, Map.of()))));
        int replaced = parts.writeOutputs();
        new PanelState(global, docs, nonEmpty).write(stateFile);
        return new Update(nonEmpty.size(), all.size(), partitions, true, replaced);
    }

    /**
     * The partitions of documents that changed since {@code old} rebuilt (and every partition of a family whose
     * dominant unit changed), from the documents with sources in them; the other partitions keep their parts.
     */
    private static Update rebuildChanged(StoredPanelFamilies f, PanelParts parts, Map<String, String> stamps,
                                         PanelState old, Path stateFile) throws IOException {
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, String> e : stamps.entrySet()) {
            PanelState.Doc was = old.docs().get(e.getKey());
            if (was == null || !was.stamp().equals(e.getValue())) changed.add(e.getKey());
        }
        for (String doc : old.docs().keySet()) if (!stamps.containsKey(doc)) changed.add(doc);
        Map<String, PanelState.Doc> docs = new TreeMap<>(old.docs());
        Map<String, List<PanelSource>> read = new java.util.HashMap<>();
        Map<String, Set<String>> rebuild = new TreeMap<>(); // family → regions
        for (String doc : changed) {
            PanelState.Doc was = old.docs().get(doc);
            if (was != null) was.parts().forEach((family, regions) -> rebuild.computeIfAbsent(family, k -> new TreeSet<>()).addAll(regions));
            if (!stamps.containsKey(doc)) { docs.remove(doc); continue; }
            List<PanelSource> sources = f.sourcesOfDoc(doc);
            read.put(doc, sources);
            PanelState.Doc now = PanelState.docState(f, stamps.get(doc), sources);
            docs.put(doc, now);
            now.parts().forEach((family, regions) -> rebuild.computeIfAbsent(family, k -> new TreeSet<>()).addAll(regions));
        }
        // an indicator's dominant unit is the corpus's: where the changed documents' counts change it, the whole family
        Map<String, Map<String, Integer>> before = PanelState.unitTotals(old.docs().values()), after = PanelState.unitTotals(docs.values());
        Set<String> unitChanged = new TreeSet<>();
        for (String doc : changed) {
            for (PanelState.Doc d : java.util.Arrays.asList(old.docs().get(doc), docs.get(doc))) {
                if (d == null) continue;
                d.units().forEach((family, byId) -> byId.keySet().forEach(id -> {
                    if (!java.util.Objects.equals(PanelStage.dominantUnit(before.getOrDefault(id, Map.of())),
                            PanelStage.dominantUnit(after.getOrDefault(id, Map.of())))) unitChanged.add(family);
                }));
            }
        }
        for (String family : unitChanged) {
            for (PanelState.Doc d : docs.values()) {
                Set<String> regions = d.parts().get(family);
                if (regions != null) rebuild.computeIfAbsent(family, k -> new TreeSet<>()).addAll(regions);
            }
        }
        // the documents with sources in a partition to rebuild, read one at a time in store order
        List<String> contributors = new ArrayList<>();
        for (Map.Entry<String, PanelState.Doc> e : docs.entrySet()) {
            for (Map.Entry<String, Set<String>> p : e.getValue().parts().entrySet()) {
                Set<String> regions = rebuild.get(p.getKey());
                if (regions != null && p.getValue().stream().anyMatch(regions::contains)) { contributors.add(e.getKey()); break; }
            }
        }
        contributors.sort(CheckOrder.STORE_ORDER); // the store's order of document names
        Map<String, Map<String, List<PanelSource>>> inputs = new TreeMap<>(); // family → region → sources
        Set<PanelSource> partSet = new java.util.HashSet<>();
        for (String doc : contributors) {
            List<PanelSource> sources = read.containsKey(doc) ? read.remove(doc) : f.sourcesOfDoc(doc, rebuild);
            Set<PanelSource> docParts = f.stage.parts(sources);
            for (PanelSource s : sources) {
                String family = f.families.of(s.indicatorId());
                Set<String> regions = rebuild.get(family);
                if (regions == null || !regions.contains(s.region())) continue;
                inputs.computeIfAbsent(family, k -> new TreeMap<>()).computeIfAbsent(s.region(), k -> new ArrayList<>()).add(s);
                if (docParts.contains(s)) partSet.add(s);
            }
        }
        Map<String, String> units = PanelStage.dominantUnits(after);
        Set<String> nonEmpty = new TreeSet<>(old.nonEmpty());
        Map<String, Set<String>> replacedRegions = new TreeMap<>();
        List<PanelRow> rows = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        int partitions = 0;
        for (Map.Entry<String, Set<String>> e : rebuild.entrySet()) {
            String family = e.getKey();
            PanelStage.Ordered o = byRegions(f.stage, inputs.getOrDefault(family, Map.of()), partSet, units);
            partitions += e.getValue().size();
            parts.patch(family, e.getValue(), o);
            if (parts.has(family)) nonEmpty.add(family); else nonEmpty.remove(family);
            for (String id : f.families.rowIds(family)) replacedRegions.computeIfAbsent(id, k -> new TreeSet<>()).addAll(e.getValue());
            rows.addAll(o.rows());
            checks.addAll(o.checks());
        }
        f.store.replacePanelRegions(replacedRegions, new PanelStage.Panel(rows, checks));
        int replaced = parts.writeOutputs();
        new PanelState(old.global(), docs, nonEmpty).write(stateFile);
        return new Update(nonEmpty.size(), rebuild.size(), partitions, false, replaced);
    }

    /**
     * The panel rows and checks of many families saved in few transactions instead of one each: every commit of a
     * transaction waits for the disk (SQLite's synchronous=FULL), which was most of the panel's time on a cold run (a
     * JFR profile of a full rebuild over 56 documents: 59 of 114 native samples in the commit of 194 families). A
     * family's rows go into the store in the same order as before, so the stored panel is the same; a crash between
     * two commits leaves no panel state (deleted before the rebuild began), so the next update rebuilds everything.
     * A transaction is committed once it holds {@link #MAX_ROWS} rows and checks, so memory stays bounded.
     */
    private static final class PanelBatch {
        static final int MAX_ROWS = 20_000;
        private final Store store;
        private final List<PanelRow> rows = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();

        PanelBatch(Store store) {
            this.store = store;
        }

        void add(PanelStage.Ordered o) {
            rows.addAll(o.rows());
            checks.addAll(o.checks());
            if (rows.size() + checks.size() >= MAX_ROWS) flush();
        }

        void flush() {
            if (rows.isEmpty() && checks.isEmpty()) return;
            store.replacePanel(List.of(), new PanelStage.Panel(List.copyOf(rows), List.copyOf(checks)));
            rows.clear();
            checks.clear();
        }
    }

    /**
     * The panel of one family from its sources by region, each region built on its own with the corpus's parts and
     * units, merged in the panel's order (rows by key, checks by {@link CheckOrder}; no two regions share a place).
     */
    private static PanelStage.Ordered byRegions(PanelStage stage, Map<String, List<PanelSource>> byRegion,
                                                Set<PanelSource> partSet, Map<String, String> units) {
        List<PanelRow> rows = new ArrayList<>();
        List<OrderedCheck> checks = new ArrayList<>();
        for (List<PanelSource> sources : byRegion.values()) {
            PanelStage.Ordered o = stage.buildOrdered(sources, partSet, units);
            rows.addAll(o.rows());
            for (int i = 0; i < o.checks().size(); i++) checks.add(new OrderedCheck(o.orders().get(i), checks.size(), o.checks().get(i)));
        }
        rows.sort(java.util.Comparator.comparing(PanelRow::key));
        checks.sort(java.util.Comparator.comparing(OrderedCheck::order).thenComparingInt(OrderedCheck::seq));
        return new PanelStage.Ordered(rows, checks.stream().map(OrderedCheck::check).toList(),
                checks.stream().map(OrderedCheck::order).toList());
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
