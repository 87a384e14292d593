package figtrace.cli;

import figtrace.model.DocIssue;
import figtrace.model.DocumentResult;
import figtrace.pipeline.CorpusRunner;
import figtrace.pipeline.RunLock;
import figtrace.rules.RulesException;
import figtrace.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code figtrace run}: extract every document in the corpus folder and write all outputs. */
@Command(name = "run", description = {"Extract figures, entities and measures from every .txt, .html, .pdf, .docx and"
        + " .doc file in the corpus folder (sub-folders included) into the out folder: figures, entities, measures and"
        + " tables as .jsonl and .csv, the dataset (panel.csv, panel_checks.csv), documents.csv and figtrace.db.",
        "A file that cannot be read gets a status saying why (empty_text, needs_ocr, garbled_text, parse_failed, …)"
        + " and the run goes on."},
        footer = {"", "Examples:",
                "  ./figtrace run                         corpus/ into extracted/",
                "  ./figtrace run ~/reports --out ~/reports-extracted",
                "", "Runs are incremental: a file is extracted again only when its content, the rules or figtrace",
                "changed; a removed file's rows are kept in figtrace.db, flagged retired; a renamed file keeps its rows.",
                "", "Exit codes: 0 all documents read; 2 bad usage or bad rules; 3 finished, but some documents failed",
                "(see documents.csv for each file's status and what to do); 4 another run is writing the same --out."})
public final class RunCommand implements Callable<Integer> {
    @Mixin CorpusFolders folders;
    @Mixin ExtractionOptions extraction;

    @Option(names = {"-q", "--quiet"}, description = "No progress line, only the summary.")
    boolean quiet;

    @Option(names = "--wait", defaultValue = "5", paramLabel = "SECONDS",
            description = "How long to wait for another run writing the same --out folder. Default: ${DEFAULT-VALUE}.")
    double waitSeconds;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (!Files.isDirectory(folders.corpus)) {
            err.println("figtrace run: the corpus folder '" + folders.corpus + "' does not exist. Put your documents in corpus/"
                    + " or name their folder: ./figtrace run DIR");
            return Main.BAD_USAGE;
        }
        CorpusRunner runner;
        try {
            runner = Runs.runner(Defaults.patterns(folders.patterns), folders.out, extraction.toOptions());
        } catch (RulesException e) {
            return Runs.reportRules(err, "run", e);
        }
        Progress progress = new Progress(err, !quiet && System.console() != null);
        CorpusRunner.Summary summary;
        try (RunLock lock = RunLock.acquire(folders.out, Duration.ofMillis((long) (waitSeconds * 1000)))) {
            summary = runner.run(folders.corpus, folders.out, progress);
        } catch (RunLock.HeldException e) {
            err.println("figtrace run: " + e.getMessage());
            return Main.BUSY;
        } catch (RulesException e) {
            progress.clear();
            return Runs.reportRules(err, "run", e);
        } catch (StoreException e) {
            progress.clear();
            err.println("figtrace run: " + e.getMessage());
            return Main.BAD_USAGE;
        }
        progress.clear();
        Runs.printSummary(out, summary, folders.out);
        // the run re-attached the review decisions before writing its outputs (Runs.runner); report those left without a figure
        int orphaned;
        try (figtrace.review.ReviewStore reviews = figtrace.review.ReviewStore.open(folders.out.resolve("figtrace.db"))) {
            orphaned = reviews.orphaned().size();
        }
        if (orphaned > 0) {
            out.println("  " + orphaned + " review decision(s) lost their figure (the text or rules"
                    + " changed); they are kept and listed on the review page under 孤立的审阅记录");
        }
        out.flush();
        return summary.anyFailed() ? Main.SOME_FAILED : Main.OK;
    }

    /** One self-overwriting line on a terminal: files done of total and the current file. */
    static final class Progress implements CorpusRunner.Listener {
        private final PrintWriter err;
        private final boolean enabled;
        private int width;

        Progress(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        @Override
        public void documentStarted(int index, int total, String name) {
            if (!enabled) return;
            String line = String.format("[%d/%d] %s", index - 1, total, name);
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
            err.flush();
        }

        @Override
        public void documentDone(DocumentResult r) {
            if (!enabled) return;
            for (DocIssue issue : r.parsed().issues()) {
                clear();
                err.println(r.parsed().status().code() + ": " + issue.message());
            }
        }

        void clear() {
            if (enabled && width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
                width = 0;
            }
        }
    }
}
