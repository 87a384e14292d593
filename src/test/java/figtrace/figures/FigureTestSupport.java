package figtrace.figures;

import figtrace.layout.LayoutStage;
import figtrace.model.DocType;
import figtrace.model.Figure;
import figtrace.model.SourceFile;
import figtrace.rules.Rules;
import figtrace.rules.RulesException;
import figtrace.rules.RulesStage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads the project's own patterns/ once and extracts figures from a snippet of text. */
final class FigureTestSupport {
    static final Rules RULES = load();

    private static Rules load() {
        try {
            return RulesStage.load(Path.of("patterns"));
        } catch (RulesException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static List<Figure> figures(String text) {
        return figures(text, figtrace.model.DocumentMetadata.empty());
    }

    /** Figures of a text whose metadata (title, kind …) is given, as the pipeline would read them. */
    static List<Figure> figures(String text, figtrace.model.DocumentMetadata metadata) {
        SourceFile file = new SourceFile("t.txt", "sha", text.length(), DocType.TXT);
        return new FigureStage(RULES).extract(new figtrace.metadata.ContextReader(RULES)
                .read(file, LayoutStage.linesOf(text, 0), metadata, Map.of()));
    }

    /** Metadata that says only the document's kind. */
    static figtrace.model.DocumentMetadata ofKind(figtrace.model.DocKind kind) {
        return new figtrace.model.DocumentMetadata(null, List.of(), null, null, null, null, null, List.of(), kind, Map.of());
    }

    static Figure only(String text, String raw) {
        return figures(text).stream().filter(f -> f.raw().equals(raw)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure '" + raw + "' in: " + text + "\nfound: "
                        + figures(text).stream().map(Figure::raw).toList()));
    }

    private FigureTestSupport() {}
}
