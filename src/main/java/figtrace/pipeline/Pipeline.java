package figtrace.pipeline;

import figtrace.entities.EntityStage;
import figtrace.figures.FigureStage;
import figtrace.ingest.IngestStage;
import figtrace.layout.LayoutStage;
import figtrace.layout.Ocr;
import figtrace.layout.OcrReview;
import figtrace.measures.MeasureStage;
import figtrace.metadata.ContextReader;
import figtrace.metadata.MetadataStage;
import figtrace.model.DocumentContext;
import figtrace.model.DocumentResult;
import figtrace.model.Entity;
import figtrace.model.Figure;
import figtrace.model.Link;
import figtrace.model.Measure;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.rules.Rules;
import figtrace.rules.RulesException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole extraction as one pure function: (file name, bytes, rules) → {@link DocumentResult}. No files are
 * written and no state is kept between documents, so they can be processed in any order, in parallel or on a cluster.
 * Each document is read once into a {@link DocumentContext} (its metadata, own region, period and kind) that every
 * stage is handed.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private final LayoutStage layout;
    private final FigureStage figures;
    private final figtrace.tables.TableStage tables;
    private final EntityStage entities;
    private final MeasureStage measures;
    private final MetadataStage metadata;
    private final ContextReader contexts;
    private final figtrace.metadata.FileNameCheck nameCheck;

    /** A pipeline without OCR. @throws RulesException when an entity, measure or metadata table has bad lines */
    public Pipeline(Rules rules) throws RulesException {
        this(rules, Ocr.NONE);
    }

    /**
     * A pipeline that reads PDF pages without a usable text layer with {@code ocr}.
     * @throws RulesException when an entity, measure or metadata table has bad lines
     */
    public Pipeline(Rules rules, Ocr ocr) throws RulesException {
        this.layout = new LayoutStage(ocr);
        this.figures = new FigureStage(rules);
        // each stage loads its own tables; every problem in any of them is reported together
        figtrace.rules.Problems problems = new figtrace.rules.Problems();
        this.entities = loaded(() -> new EntityStage(rules.dir()), problems);
        this.measures = loaded(() -> new MeasureStage(rules.dir()), problems);
        this.metadata = loaded(() -> new MetadataStage(rules.dir()), problems);
        this.tables = new figtrace.tables.TableStage(rules);
        problems.throwIfAny();
        this.nameCheck = metadata.nameCheck(rules.regionNames());
        this.contexts = metadata.contextReader(rules);
    }

    private static <T> T loaded(java.util.function.Supplier<T> stage, figtrace.rules.Problems problems) {
        try {
            return stage.get();
        } catch (RulesException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    public DocumentResult extract(String name, byte[] bytes) {
        long t0 = System.nanoTime();
        SourceFile source = IngestStage.identify(name, bytes);
        ParsedDocument parsed = layout.parse(source, bytes);
        return extract(source, parsed, t0, System.nanoTime());
    }

    /**
     * The stages after layout, on text read elsewhere (by a {@link ParseWorker} in a child JVM, which can be stopped);
     * {@code extract(name, bytes)} is exactly {@code extract(source, layout.parse(source, bytes))}.
     */
    public DocumentResult extract(SourceFile source, ParsedDocument layoutResult) {
        long t = System.nanoTime();
        return extract(source, layoutResult, t, t);
    }

    /** The stages after layout; t0..t1 is the time layout took (zero when it ran elsewhere). */
    private DocumentResult extract(SourceFile source, ParsedDocument parsed, long t0, long t1) {
        String name = source.name();
        if (parsed.ocr() != null) {
            figtrace.model.OcrRun o = parsed.ocr();
            LOG.debug("{}: OCR of {} page(s): {} read by the engine in {} ms ({} s a page), {} from the OCR cache", name,
                    o.pages(), o.read(), o.millis(), o.read() == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f",
                            o.millis() / 1000.0 / o.read()), o.fromCache());
        }
        MetadataStage.Reading reading = metadata.read(source, parsed);
        DocumentContext context = contexts.read(source, parsed, reading.metadata());
        long t2 = System.nanoTime();
        List<figtrace.model.DocIssue> documentIssues = new ArrayList<>(reading.issues());
        nameCheck.check(name, context).ifPresent(documentIssues::add);
        ParsedDocument described = described(parsed, context, documentIssues);
        if (parsed.status().failed()) {
            LOG.debug("{}: {} after layout {} ms", name, parsed.status().code(), ms(t0, t1));
            return new DocumentResult(source, described, List.of());
        }
        List<figtrace.model.Table> rebuilt = tables.read(source, parsed.text());
        long tTables = System.nanoTime();
        List<Figure> found = OcrReview.mark(figures.extract(context, rebuilt), parsed.text());
        long t3 = System.nanoTime();
        List<Entity> named = entities.extract(context);
        long t4 = System.nanoTime();
        List<Measure> acts = measures.extract(context, named, found);
        long t5 = System.nanoTime();
        LOG.debug("{}: layout {} ms, metadata and context {} ms, tables {} ms ({}), figures {} ms ({}), entities {} ms ({}), measures {} ms ({})",
                name, ms(t0, t1), ms(t1, t2), ms(t2, tTables), rebuilt.size(), ms(tTables, t3), found.size(), ms(t3, t4),
                named.size(), ms(t4, t5), acts.size());
        return new DocumentResult(source, described, found, named, acts, links(found, named, acts), rebuilt);
    }

    /**
     * The document row: what the text says about itself and its context beside the format's own values; a metadata
     * reader that failed is a bug worth seeing, so the document says so (its figures still come); so is a file name
     * that contradicts the content (FileNameCheck).
     */
    private static ParsedDocument described(ParsedDocument parsed, DocumentContext context, List<figtrace.model.DocIssue> metadataIssues) {
        if (metadataIssues.isEmpty()) {
            return new ParsedDocument(parsed.text(), parsed.pages(), parsed.status(), parsed.issues(), context.storedFields(), parsed.ocr());
        }
        List<figtrace.model.DocIssue> issues = new ArrayList<>(parsed.issues());
        issues.addAll(metadataIssues);
        figtrace.model.DocStatus status = parsed.status() == figtrace.model.DocStatus.OK
                ? figtrace.model.DocStatus.OK_WITH_ISSUES : parsed.status();
        return new ParsedDocument(parsed.text(), parsed.pages(), status, issues, context.storedFields(), parsed.ocr());
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Links by position: a measure holds the figures and entities inside its clause; a figure's sentence, its entities. */
    static List<Link> links(List<Figure> figures, List<Entity> entities, List<Measure> measures) {
        List<Link> links = new ArrayList<>();
        for (Measure m : measures) {
            for (Figure f : Figure.within(figures, m.charStart(), m.charEnd())) links.add(new Link("measure_figure", m.id(), f.id()));
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
