package figtrace.cli;

import figtrace.cite.Citations;
import figtrace.model.Figure;
import figtrace.review.DocumentInfo;
import figtrace.review.FigureTable;
import figtrace.review.ReviewException;
import figtrace.review.ReviewStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code figtrace cite FIGURE_ID}: prints what a writer pastes to cite a figure (GB/T 7714 reference, page and line,
 * quote). A standalone picocli command; Main adds it as a subcommand.
 */
@Command(name = "cite",
        description = "Print a citation for one figure: the document in GB/T 7714 style, page and line, and the quote.",
        footer = {"", "Example:", "  ./figtrace cite f0123456789abcdef",
                "  ./figtrace cite f0123456789abcdef --doc 2024年统计公报.pdf --out extracted"})
public final class CiteCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FIGURE_ID", description = "The figure's id (column id of figures.csv).")
    String figureId;

    @Mixin RunFolder run;

    @Option(names = "--doc", paramLabel = "FILE",
            description = "The document, when copies of one file share the id (otherwise every copy is cited).")
    String doc;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path db = run.db();
        try (ReviewStore reviews = ReviewStore.open(db); FigureTable table = FigureTable.open(db, reviews)) {
            List<Figure> figures = table.figuresWithId(figureId).stream()
                    .filter(f -> doc == null || f.doc().equals(doc)).toList();
            if (figures.isEmpty()) {
                err.println("figtrace cite: no figure " + figureId + (doc == null ? "" : " in " + doc) + " in " + db
                        + ": copy the id from the id column of figures.csv or the review page");
                err.flush();
                return BAD_INPUT;
            }
            for (Figure f : figures) {
                DocumentInfo info = table.document(f.doc()).orElseThrow(() -> new ReviewException(
                        "figure " + f.id() + " names document " + f.doc() + " which is not in " + db));
                stdout.println(Citations.cite(info, f));
            }
            stdout.flush();
            return 0;
        } catch (ReviewException e) {
            err.println("figtrace cite: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
    }
}
