package figtrace.cli;

import figtrace.layout.TesseractOcr;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.pipeline.CorpusRunner;
import figtrace.pipeline.PanelRun;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesException;
import figtrace.rules.RulesStage;
import figtrace.store.DocumentRow;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What {@code run} and {@code watch} share: making a runner and printing what it did. */
final class Runs {
    private Runs() {}

    /**
     * A runner that knows the rules' fingerprint but loads the rules only when a document needs extraction, so a run
     * with nothing to do starts fast. A missing patterns folder is reported at once. PDF pages without a usable text
     * layer are read by Tesseract, its results cached under {@code OUT/cache/ocr}; which OCR engine is installed (or
     * none) is part of the fingerprint, so documents marked needs_ocr are extracted again once Tesseract is installed.
     */
    static CorpusRunner runner(Path patterns, Path out, CorpusRunner.Options options) throws RulesException {
        if (!Files.isDirectory(patterns)) RulesStage.load(patterns); // throws with the message saying what to do
        TesseractOcr ocr = new TesseractOcr(out.resolve("cache").resolve("ocr"));
        String fingerprint = RulesStage.fingerprint(patterns) + "+ocr:" + (ocr.available() ? ocr.describe() : "none");
        return new CorpusRunner(fingerprint, () -> new Pipeline(RulesStage.load(patterns), ocr),
                ocr.available() ? options.withOcrCache(out.resolve("cache").resolve("ocr")) : options)
                .reviewSync(db -> {
                    // review decisions live apart from extractions: find each one's figure again after re-extraction,
                    // then give the figures now under a corrected table column or row that correction
                    figtrace.review.ReviewStore.reattach(db);
                    figtrace.review.TableCells.reapply(db, () -> unitScale(patterns));
                })
                .derive((db, dir) -> PanelRun.update(db, patterns, dir, options.jobs()));
    }

    /** How the rules in {@code patterns} read a written unit, for corrections of a table column's unit. */
    static figtrace.review.UnitScale unitScale(Path patterns) {
        try {
            figtrace.rules.Rules rules = figtrace.rules.RulesStage.load(patterns);
            return new figtrace.review.UnitScale(rules.units(), rules.multipliers());
        } catch (RulesException e) {
            throw new figtrace.review.ReviewException("cannot read units from " + patterns + ": " + e.getMessage(), e);
        }
    }

    static int reportRules(PrintWriter err, String command, RulesException e) {
        e.problems().forEach(err::println);
        err.println("figtrace " + command + ": the rules have " + e.problems().size() + " problem(s); fix them (see"
                + " './figtrace rules check') and run again.");
        return Main.BAD_USAGE;
    }

    static void printSummary(PrintWriter printer, CorpusRunner.Summary s, Path out) {
        StringBuilder statuses = new StringBuilder();
        for (Map.Entry<DocStatus, Integer> e : s.byStatus().entrySet()) {
            statuses.append(statuses.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().code());
        }
        StringBuilder work = new StringBuilder(s.extracted() + " extracted, " + s.reused() + " unchanged");
        if (s.renamed() > 0) work.append(", ").append(s.renamed()).append(" renamed");
        if (s.retired() > 0) work.append(", ").append(s.retired()).append(" retired");
        printer.printf("figtrace: %d document(s) (%s; %s), %d figure(s) in %.1f s → %s%n", s.documents(),
                statuses.length() == 0 ? "none" : statuses, work, s.figures(), s.millis() / 1000.0, out);
        for (DocumentRow r : s.failed()) {
            for (DocIssue issue : r.issues()) printer.println("  " + r.status().code() + ": " + issue.message());
        }
        for (CorpusRunner.Skipped k : s.skipped()) printer.println("  skipped: " + k.name() + " (" + k.reason() + ")");
    }
}
