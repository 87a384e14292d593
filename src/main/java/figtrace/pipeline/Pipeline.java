package figtrace.pipeline;

import figtrace.entities.EntityStage;
import figtrace.entities.PatternFile;
import figtrace.figures.FigureStage;
import figtrace.ingest.IngestStage;
import figtrace.layout.LayoutStage;
import figtrace.measures.MeasureStage;
import figtrace.metadata.MetadataStage;
import figtrace.model.DocumentMetadata;
import figtrace.model.DocumentResult;
import figtrace.model.Entity;
import figtrace.model.Figure;
import figtrace.model.Link;
import figtrace.model.Measure;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.rules.Rules;
import figtrace.rules.RulesException;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole extraction as one pure function: (file name, bytes, rules) → {@link DocumentResult}. No files are
 * written and no state is kept between documents, so they can be processed in any order, in parallel or on a cluster.
 */
public final class Pipeline {
    private final LayoutStage layout = new LayoutStage();
    private final FigureStage figures;
    private final figtrace.tables.TableStage tables;
    private final EntityStage entities;
    private final MeasureStage measures;
    private final MetadataStage metadata;
    private final Rules rules;

    /** @throws RulesException when an entity or measure pattern file has a bad line */
    public Pipeline(Rules rules) throws RulesException {
        this.rules = rules;
        this.figures = new FigureStage(rules);
        try {
            this.tables = new figtrace.tables.TableStage(rules);
            this.entities = new EntityStage(rules.dir());
            this.measures = new MeasureStage(rules.dir());
            this.metadata = new MetadataStage(rules.dir());
        } catch (PatternFile.PatternException | figtrace.tables.TableStage.BadTableWords e) { // a bad line in a table of patterns/
            throw new RulesException(List.of(e.getMessage()));
        }
    }

    public DocumentResult extract(String name, byte[] bytes) {
        SourceFile source = IngestStage.identify(name, bytes);
        ParsedDocument parsed = withMetadata(layout.parse(source, bytes), source);
        if (parsed.status().failed()) return new DocumentResult(source, parsed, List.of());
        List<figtrace.model.Table> rebuilt = tables.read(source, parsed.text());
        List<Figure> found = figures.extract(source, parsed.text(), parsed.metadata(), rebuilt);
        List<Entity> named = entities.extract(name, parsed.text(), ownRegionFullName(found));
        List<Measure> acts = measures.extract(name, parsed.text(), named, found);
        return new DocumentResult(source, parsed, found, named, acts, links(found, named, acts), rebuilt);
    }

    /**
     * The document's own metadata read from its text (title, authors, journal or issuer, date, document number, …)
     * joined to what the file format says; the text wins, the format's values stay under format_* keys.
     */
    private ParsedDocument withMetadata(ParsedDocument parsed, SourceFile source) {
        DocumentMetadata meta = metadata.extract(source, parsed);
        java.util.Map<String, String> merged = new java.util.LinkedHashMap<>();
        parsed.metadata().forEach((k, v) -> merged.put(k.equals("title") || k.equals("author") ? "format_" + k : k, v));
        put(merged, "title", meta.title());
        put(merged, "author", meta.authors().isEmpty() ? null : String.join(", ", meta.authors()));
        put(merged, "organisation", meta.organisation());
        put(merged, "journal", meta.journal());
        put(merged, "issuer", meta.issuer());
        put(merged, "date", meta.date());
        put(merged, "doc_number", meta.docNumber());
        put(merged, "keywords", meta.keywords().isEmpty() ? null : String.join("; ", meta.keywords()));
        put(merged, "doc_kind", meta.docKind());
        return new ParsedDocument(parsed.text(), parsed.pages(), parsed.status(), parsed.issues(), merged);
    }

    private static void put(java.util.Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) map.put(key, value);
    }

    /**
     * The official name of the province most of the document's figures are about (新疆 → 新疆维吾尔自治区), so that
     * its "自治区…" agencies are named in full; null when the figures name none.
     */
    private String ownRegionFullName(List<Figure> found) {
        java.util.Map<String, Integer> provinces = new java.util.HashMap<>();
        for (Figure f : found) {
            figtrace.rules.Region r = f.region() == null ? null : rules.regionNames().get(f.region());
            if (r == null) continue;
            String province = r.level().equals("province") ? r.standard() : r.province().isEmpty() ? null : r.province();
            if (province != null) provinces.merge(province, 1, Integer::sum);
        }
        String province = provinces.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse(null);
        if (province == null) return null;
        // the longest name of that province that ends like an official one: 新疆维吾尔自治区, 浙江省
        return rules.regionNames().entrySet().stream()
                .filter(e -> e.getValue().standard().equals(province) && e.getValue().level().equals("province"))
                .map(java.util.Map.Entry::getKey).filter(n -> n.endsWith("自治区") || n.endsWith("省") || n.endsWith("市"))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(province);
    }

    /** Links by position: a measure holds the figures and entities inside its clause; a figure's sentence, its entities. */
    static List<Link> links(List<Figure> figures, List<Entity> entities, List<Measure> measures) {
        List<Link> links = new ArrayList<>();
        for (Measure m : measures) {
            for (Figure f : figures) {
                if (f.spanStart() >= m.charStart() && f.spanEnd() <= m.charEnd()) links.add(new Link("measure_figure", m.id(), f.id()));
            }
            for (String e : m.entityIds()) links.add(new Link("measure_entity", m.id(), e));
        }
        for (Figure f : figures) {
            for (Entity e : entities) {
                if (e.charStart() >= f.charStart() && e.charEnd() <= f.charEnd()) links.add(new Link("figure_entity", f.id(), e.id()));
            }
        }
        return links;
    }
}
