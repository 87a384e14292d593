package figtrace.cli;

import figtrace.review.FigureFilter;
import figtrace.review.FigureTable;
import figtrace.review.ReviewException;
import figtrace.review.ReviewStatus;
import figtrace.review.ReviewStore;
import figtrace.review.ReviewedExport;
import figtrace.review.ReviewedFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code figtrace export}: the reviewed table (corrections applied, review_status column) as CSV with BOM or XLSX,
 * the same file the review page's export links give. A standalone picocli command; Main adds it as a subcommand.
 */
@Command(name = "export",
        description = "Write the reviewed figures (corrections applied, with review_status) as CSV or XLSX.",
        footer = {"", "Example:", "  ./figtrace export --to reviewed.xlsx",
                "  ./figtrace export --to accepted.csv --status accepted"})
public final class ExportCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Spec CommandSpec spec;

    @Mixin RunFolder run;

    @Option(names = "--to", required = true, paramLabel = "FILE",
            description = "File to write; .xlsx gives a workbook (figures, panel, and one sheet per rebuilt table), anything else CSV (UTF-8 with BOM).")
    Path to;

    @Option(names = "--doc", paramLabel = "FILE", description = "Only this document's figures.")
    String doc;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only figures with this review status: unreviewed, accepted, rejected, corrected.")
    String status;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** The panel and its checks as sheets beside the figures (after review decisions, as panel.csv). */
    private static java.util.Map<String, List<String[]>> panelSheets(Path db) {
        Path patterns = Defaults.patterns(null);
        figtrace.panel.PanelStage.Panel panel = figtrace.pipeline.PanelRun.build(db, patterns,
                figtrace.pipeline.RegionCodes.load(patterns));
        java.util.Map<String, List<String[]>> sheets = new java.util.LinkedHashMap<>();
        sheets.put("panel", figtrace.panel.PanelTables.panel(panel.rows()));
        sheets.put("panel_checks", figtrace.panel.PanelTables.checks(panel.checks()));
        return sheets;
    }

    /** The rebuilt tables of the run (of --doc only when given), one sheet each in the workbook. */
    private List<figtrace.model.Table> tables(Path db) throws IOException {
        try {
            return figtrace.tables.TableSheets.load(db, doc);
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot read the tables of " + db + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path db = run.db();
        try (ReviewStore reviews = ReviewStore.open(db); FigureTable table = FigureTable.open(db, reviews)) {
            ReviewStatus wanted = status == null ? null : ReviewStatus.fromCode(status);
            List<ReviewedFigure> rows = table.all(new FigureFilter(doc, null, null, null, null, null, wanted, null),
                    null);
            Path parent = to.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Written beside the target, then moved: a failed export never leaves half a file under the name.
            Path temp = Files.createTempFile(parent, ".figtrace-export", ".tmp");
            try {
                try (OutputStream stream = Files.newOutputStream(temp)) {
                    if (to.getFileName().toString().toLowerCase().endsWith(".xlsx")) {
                        ReviewedExport.writeXlsx(rows, panelSheets(db), tables(db), stream);
                    } else {
                        ReviewedExport.writeCsv(rows, stream);
                    }
                }
                Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(rows.size() + " figure(s) → " + to);
            stdout.flush();
            return 0;
        } catch (ReviewException e) {
            err.println("figtrace export: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("figtrace export: cannot write " + to + ": " + e.getMessage()
                    + " (check the folder exists and is writable)");
            err.flush();
            return 1;
        }
    }
}
