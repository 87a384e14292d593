package figtrace.cli;

import figtrace.review.ReviewException;
import figtrace.web.ReviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code figtrace serve}: the review page on http://127.0.0.1:8700/ until Ctrl-C. A standalone picocli command;
 * Main adds it as a subcommand.
 */
@Command(name = "serve",
        description = "Serve the review page (check figures against their source, accept/reject/correct, charts,"
                + " export, citations) until Ctrl-C.",
        footer = {"", "Example:", "  ./figtrace serve            # then open http://127.0.0.1:8700/",
                "  ./figtrace serve --port 9000 --out extracted --corpus corpus"})
public final class ServeCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "8700", paramLabel = "PORT",
            description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only)."
                    + " Other addresses let other machines change decisions.")
    String host;

    @Option(names = "--out", defaultValue = "extracted", paramLabel = "DIR",
            description = "Folder with the run's figtrace.db. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--corpus", defaultValue = "corpus", paramLabel = "DIR",
            description = "Folder with the original documents (offered as downloads). Default: ${DEFAULT-VALUE}.")
    Path corpus;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Released by tests (or never: Ctrl-C ends the JVM and the shutdown hook closes the server). */
    final CountDownLatch stop = new CountDownLatch(1);

    /** The running server, for tests. */
    volatile ReviewServer server;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path db = out.resolve("figtrace.db");
        if (!Files.isRegularFile(db)) {
            err.println("figtrace serve: no " + db + ": run ./figtrace run first (or point --out at the folder that"
                    + " holds figtrace.db)");
            err.flush();
            return BAD_INPUT;
        }
        if (!Files.isDirectory(corpus)) {
            err.println("warning: corpus folder " + corpus + " not found: original files cannot be downloaded"
                    + " (give --corpus DIR)");
            err.flush();
        }
        try {
            server = ReviewServer.start(host, port, db, corpus, Defaults.patterns(null));
        } catch (ReviewException | UncheckedIOException e) {
            err.println("figtrace serve: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        ReviewServer running = server;
        Thread closer = new Thread(running::close, "figtrace-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(closer);
        stdout.println("figtrace review page: " + running.uri() + "  (Ctrl-C to stop)");
        stdout.flush();
        try {
            stop.await();
        } finally {
            running.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook closes the server
            }
        }
        return 0;
    }
}
