package figtrace.model;

import java.util.List;

/** Everything extracted from one document: the pure output of {@code Pipeline.extract(name, bytes)}. */
public record DocumentResult(SourceFile source, ParsedDocument parsed, List<Figure> figures) {
    public DocumentResult {
        figures = List.copyOf(figures);
    }
}
