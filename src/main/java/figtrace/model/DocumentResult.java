package figtrace.model;

import java.util.List;

/**
 * Everything extracted from one document: the pure output of {@code Pipeline.extract(name, bytes)}.
 *
 * @param links  which figures and entities a measure names, and which entities stand beside a figure
 * @param tables the document's tables, rebuilt (their numeric cells are among {@code figures})
 */
public record DocumentResult(SourceFile source, ParsedDocument parsed, List<Figure> figures, List<Entity> entities,
                             List<Measure> measures, List<Link> links, List<Table> tables) {
    public DocumentResult {
        figures = List.copyOf(figures);
        entities = List.copyOf(entities);
        measures = List.copyOf(measures);
        links = List.copyOf(links);
        tables = List.copyOf(tables);
    }

    /** A result without tables. */
    public DocumentResult(SourceFile source, ParsedDocument parsed, List<Figure> figures, List<Entity> entities,
                          List<Measure> measures, List<Link> links) {
        this(source, parsed, figures, entities, measures, links, List.of());
    }

    /** A result with figures only (a failed document, or a stage that finds no entities). */
    public DocumentResult(SourceFile source, ParsedDocument parsed, List<Figure> figures) {
        this(source, parsed, figures, List.of(), List.of(), List.of());
    }
}
