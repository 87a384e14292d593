package figtrace.pipeline;

import figtrace.ids.Sha256;
import figtrace.panel.PanelFamilies;
import figtrace.panel.PanelRules;
import figtrace.panel.PanelSource;
import figtrace.panel.PanelSources;
import figtrace.panel.PanelStage;
import figtrace.review.FigureFilter;
import figtrace.review.FigureKey;
import figtrace.review.FigureReview;
import figtrace.review.FigureTable;
import figtrace.review.ReviewStore;
import figtrace.store.DocumentRow;
import figtrace.store.Store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The store read family by family for {@link PanelRun}, with what every family build needs: the documents, the
 * reviews, and the figures a review moved into another family.
 */
final class StoredPanelFamilies implements AutoCloseable {
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

    StoredPanelFamilies(Path db, PanelRules rules, Function<String, String> regionCodes) {
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
                String stored = PanelRun.indicatorOf(FigureReview.UNREVIEWED.apply(figure));
                String now = PanelRun.indicatorOf(e.getValue().apply(figure));
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
        return stage.buildOrdered(sources(family));
    }

    /**
     * Every panel source of one document (all families), in store order: its figures with their reviews, its text
     * read once for table titles and sentences before.
     */
    List<PanelSource> sourcesOfDoc(String doc) {
        List<PanelSource> out = new ArrayList<>();
        Map<String, String> texts = new java.util.HashMap<>(2);
        for (figtrace.model.Figure figure : table.figuresOf(doc)) {
            FigureReview review = reviewed.get(new FigureKey(figure.doc(), figure.id()));
            PanelSource s = StoredPanelSource.of(sources, store, docs, texts,
                    new figtrace.review.ReviewedFigure(figure, review == null ? FigureReview.UNREVIEWED : review));
            if (s != null) out.add(s);
        }
        return out;
    }

    /**
     * The panel sources of one document that fall in the partitions {@code wanted} (family → regions), with every
     * source of the same family in the same sentences (they decide which sources are parts of a total), in store
     * order. A figure's family and region are first read cheaply (its review applied only where it has one), so only
     * those figures become sources.
     */
    List<PanelSource> sourcesOfDoc(String doc, Map<String, Set<String>> wanted) {
        DocumentRow row = docs.get(doc);
        if (row == null || row.retired()) return List.of();
        String own = blankToNull(row.metadata().get("own_region"));
        // first the few columns that place each figure (a contributor has hundreds of figures; a few are wanted)
        List<FigureTable.Brief> briefs = table.briefsOf(doc);
        String[] families = new String[briefs.size()];
        Set<String> sentences = new java.util.HashSet<>();
        for (int i = 0; i < briefs.size(); i++) {
            FigureTable.Brief brief = briefs.get(i);
            FigureReview review = reviewed.get(new FigureKey(doc, brief.id()));
            String id, region;
            if (review == null) {
                id = blankToNull(brief.indicatorId());
                if (id == null) id = blankToNull(brief.indicator());
                region = blankToNull(brief.region());
            } else {
                figtrace.model.Figure figure = table.figure(new FigureKey(doc, brief.id())).orElse(null);
                if (figure == null) continue;
                Map<String, Object> columns = review.apply(figure);
                id = PanelRun.indicatorOf(columns);
                region = columns.get("region") == null ? null : blankToNull(columns.get("region").toString());
            }
            if (id == null) continue;
            if (region == null) region = own;
            families[i] = this.families.of(id);
            Set<String> regions = wanted.get(families[i]);
            if (regions != null && regions.contains(region)) sentences.add(families[i] + '\u0000' + brief.charStart());
        }
        Set<String> chosen = new java.util.HashSet<>();
        for (int i = 0; i < briefs.size(); i++) {
            if (families[i] != null && sentences.contains(families[i] + '\u0000' + briefs.get(i).charStart())) {
                chosen.add(briefs.get(i).id());
            }
        }
        if (chosen.isEmpty()) return List.of();
        List<PanelSource> out = new ArrayList<>();
        Map<String, String> texts = new java.util.HashMap<>(2);
        for (figtrace.model.Figure figure : table.figuresOf(doc, chosen::contains)) {
            FigureReview review = reviewed.get(new FigureKey(figure.doc(), figure.id()));
            PanelSource s = StoredPanelSource.of(sources, store, docs, texts,
                    new figtrace.review.ReviewedFigure(figure, review == null ? FigureReview.UNREVIEWED : review));
            if (s != null) out.add(s);
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The panel sources of one family, from its figures only (in store order, as one build over all would see them). */
    List<PanelSource> sources(String family) {
        List<FigureKey> extra = movedInto.getOrDefault(family, List.of());
        if (extra.size() > PanelRun.MAX_EXTRA_FIGURES) extra = extra.subList(0, PanelRun.MAX_EXTRA_FIGURES); // see below
        List<PanelSource> inputs = new ArrayList<>();
        Map<String, String> texts = new java.util.HashMap<>(2);
        table.forEachOfIndicators(families.members(family), extra, reviewed, f -> {
            PanelSource s = StoredPanelSource.of(sources, store, docs, texts, f);
            if (s != null && families.of(s.indicatorId()).equals(family)) inputs.add(s);
        });
        if (movedInto.getOrDefault(family, List.of()).size() > PanelRun.MAX_EXTRA_FIGURES) {
            // Thousands of figures reviewed into one family: read them all the slow way rather than one query each.
            inputs.clear();
            table.forEach(FigureFilter.ALL, f -> {
                PanelSource s = StoredPanelSource.of(sources, store, docs, texts, f);
                if (s != null && families.of(s.indicatorId()).equals(family)) inputs.add(s);
            });
        }
        return inputs;
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
