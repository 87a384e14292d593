package figtrace.pipeline;

import figtrace.figures.FigureStage;
import figtrace.ingest.IngestStage;
import figtrace.layout.LayoutStage;
import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.rules.Rules;

import java.util.List;

/**
 * The whole extraction as one pure function: (file name, bytes, rules) → {@link DocumentResult}. No files are
 * written and no global state is kept, so documents can be processed in any order, in parallel or on a cluster.
 */
public final class Pipeline {
    private final LayoutStage layout = new LayoutStage();
    private final FigureStage figures;

    public Pipeline(Rules rules) {
        this.figures = new FigureStage(rules);
    }

    public DocumentResult extract(String name, byte[] bytes) {
        SourceFile source = IngestStage.identify(name, bytes);
        ParsedDocument parsed = layout.parse(source, bytes);
        List<Figure> found = parsed.status().failed() ? List.of() : figures.extract(source, parsed.text(), parsed.metadata());
        return new DocumentResult(source, parsed, found);
    }
}
