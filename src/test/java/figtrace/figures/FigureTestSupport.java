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
        return new FigureStage(RULES).extract(new SourceFile("t.txt", "sha", text.length(), DocType.TXT),
                LayoutStage.linesOf(text, 0), Map.of());
    }

    static Figure only(String text, String raw) {
        return figures(text).stream().filter(f -> f.raw().equals(raw)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure '" + raw + "' in: " + text + "\nfound: "
                        + figures(text).stream().map(Figure::raw).toList()));
    }

    private FigureTestSupport() {}
}
