package figtrace.cli;

import figtrace.model.DocumentResult;
import figtrace.pipeline.CorpusRunner;
import figtrace.pipeline.CorpusWatcher;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code figtrace watch}: extract files as they are dropped into the corpus folder, until Ctrl-C. */
@Command(name = "watch", description = {"Run once, then extract files as they are added to, changed, renamed or removed from the corpus folder.",
        "Sub-folders are watched too; the outputs are rewritten after each batch.",
        "One line is printed per file processed. Ctrl-C stops cleanly."},
        footer = {"", "Examples:",
                "  ./figtrace watch                       watch corpus/, write extracted/",
                "  ./figtrace watch ~/reports --out ~/reports-extracted"})
public final class WatchCommand implements Callable<Integer> {
    @Mixin CorpusFolders folders;
    @Mixin ExtractionOptions extraction;

    @Option(names = "--quiet-ms", defaultValue = "1000", paramLabel = "MS",
            description = "Wait until the folder has been quiet this long before reading (so half-copied files are"
                    + " not read). Default: ${DEFAULT-VALUE}.")
    long quietMillis;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec CommandSpec spec;

    private volatile CorpusWatcher watcher;
    private volatile CorpusRunner runner;
    private volatile boolean stopped;
    private boolean interrupted, batchDone;
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (!Files.isDirectory(folders.corpus)) {
            err.println("figtrace watch: the corpus folder '" + folders.corpus + "' does not exist; create it or name another:"
                    + " ./figtrace watch DIR");
            return Main.BAD_USAGE;
        }
        Thread hook = new Thread(this::stopAndWait, "figtrace-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (RunLock lock = RunLock.acquire(folders.out, Duration.ofSeconds(5));
             CorpusWatcher w = new CorpusWatcher(folders.corpus, folders.out)) {
            watcher = w;
            if (stopped) return Main.OK; // Ctrl-C came before the watcher existed
            out.println("figtrace watch: watching " + folders.corpus + " → " + folders.out + " (Ctrl-C to stop)");
            out.flush();
            do {
                Integer failure = batch(out, err);
                if (failure != null) return failure;
            } while (!stopped && w.awaitChanges(Duration.ofMillis(quietMillis)));
            out.println("figtrace watch: stopped" + (interrupted
                    ? " before the last batch was done; the next run or watch finishes it" : ""));
            out.flush();
            return Main.OK;
        } catch (RunLock.HeldException e) {
            err.println("figtrace watch: " + e.getMessage());
            return Main.BUSY;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for this
            }
        }
    }

    /**
     * One incremental run; null to go on watching, else the exit code to stop with. Broken rules stop the first batch
     * only: later, someone editing patterns/ should not end the watch.
     */
    private Integer batch(PrintWriter out, PrintWriter err) throws IOException {
        boolean firstBatch = !batchDone;
        batchDone = true;
        try {
            runner = Runs.runner(Defaults.patterns(folders.patterns), folders.out, extraction.toOptions());
            if (stopped) return null;
            CorpusRunner.Summary s = runner.run(folders.corpus, folders.out, new Lines(out));
            interrupted = s.cancelled();
            if (!s.cancelled() && s.extracted() + s.renamed() + s.retired() > 0) {
                out.printf("figtrace watch: %d document(s), %d figure(s) → %s%n", s.documents(), s.figures(), folders.out);
            }
            out.flush();
            return null;
        } catch (RulesException e) {
            int code = Runs.reportRules(err, "watch", e);
            if (firstBatch) return code;
            err.println("figtrace watch: still watching; the next change in " + folders.corpus + " tries again with the rules"
                    + " as they are then.");
            err.flush();
            return null;
        } catch (StoreException e) {
            err.println("figtrace watch: " + e.getMessage());
            return Main.BAD_USAGE;
        } catch (IOException | java.io.UncheckedIOException e) {
            // e.g. a folder removed while it was being listed: the next change brings another try
            err.println("figtrace watch: " + e.getMessage() + "; trying again at the next change in " + folders.corpus);
            err.flush();
            return null;
        }
    }

    /** Stops watching; a batch under way stops after its current document (each document is its own transaction). */
    public void stop() {
        stopped = true;
        CorpusRunner r = runner;
        if (r != null) r.cancel();
        CorpusWatcher w = watcher;
        if (w == null) return;
        try {
            w.close();
        } catch (IOException ignored) {
            // closing a watch service does not fail in practice; the run ends either way
        }
    }

    private void stopAndWait() {
        stop();
        try {
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line per file processed. */
    private static final class Lines implements CorpusRunner.Listener {
        private final PrintWriter out;

        Lines(PrintWriter out) { this.out = out; }

        @Override
        public void documentDone(DocumentResult r) {
            out.println("  " + r.source().name() + ": " + r.parsed().status().code() + ", " + r.figures().size()
                    + " figure(s)" + (r.parsed().issues().isEmpty() ? "" : " — " + r.parsed().issues().get(0).message()));
            out.flush();
        }

        @Override
        public void documentRenamed(String from, String to) {
            out.println("  " + to + ": renamed from " + from + ", rows kept");
            out.flush();
        }

        @Override
        public void documentRetired(String name) {
            out.println("  " + name + ": removed from the corpus; its rows are kept in figtrace.db, flagged retired");
            out.flush();
        }
    }
}
