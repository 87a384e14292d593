package figtrace.pipeline;

import figtrace.limits.LimitCheck;
import figtrace.limits.Limits;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Parses in a child JVM ({@link ParseWorker}) that lives across documents and is killed and replaced when a file
 * takes longer than {@link Limits#docTimeout()} or makes it run out of its heap. This is Tika's forked-parser idea,
 * chosen over a watchdog thread because Java cannot stop a thread stuck in a parser loop (Thread.stop is gone), and an
 * OutOfMemoryError in one thread can strike any other thread of the same JVM, such as the one writing the store. A
 * process can always be killed, and its memory is its own.
 */
public final class ForkedParser implements DocumentParser {
    /** The exit code of a JVM stopped by -XX:+ExitOnOutOfMemoryError. */
    private static final int OOM_EXIT = 3;

    private final Limits limits;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "figtrace-parse-watchdog");
        t.setDaemon(true);
        return t;
    });
    private Process process;
    private DataOutputStream toChild;
    private DataInputStream fromChild;
    private int started;

    private final Path ocrCache;

    public ForkedParser(Limits limits) {
        this(limits, null);
    }

    /** @param ocrCache where the worker's Tesseract caches its pages; null for no OCR */
    public ForkedParser(Limits limits, Path ocrCache) {
        this.limits = limits;
        this.ocrCache = ocrCache;
    }

    /** How many child JVMs were started (1 + one for each killed one); tests and the benchmark read it. */
    public synchronized int processesStarted() {
        return started;
    }

    /** Starts the child JVM now (it takes about a second to start), rather than when the first file comes. */
    @Override
    public synchronized void prepare() {
        try {
            if (process == null || !process.isAlive()) start();
        } catch (IOException e) {
            process = null; // parse() tries again and reports what went wrong
        }
    }

    @Override
    public synchronized ParsedDocument parse(SourceFile source, byte[] bytes) {
        ParsedDocument tooBig = LimitCheck.fileSize(source.name(), bytes.length, limits);
        if (tooBig != null) return tooBig;
        try {
            if (process == null || !process.isAlive()) start();
        } catch (IOException e) {
            return ParsedDocument.failed(DocStatus.PARSE_FAILED, new DocIssue("worker_failed", source.name()
                    + ": figtrace could not start its parser process (" + e.getMessage() + "); check that 'java' runs"
                    + " and that memory is free, then run again"));
        }
        Process p = process;
        AtomicBoolean killed = new AtomicBoolean();
        Runnable kill = () -> {
            killed.set(true);
            p.destroyForcibly();
        };
        ScheduledFuture<?> deadline = watchdog.schedule(kill, limits.docTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            ParsedCodec.writeRequest(toChild, source, bytes);
            toChild.flush();
            byte tag;
            while ((tag = fromChild.readByte()) == ParsedCodec.PROGRESS) {
                // a page read by OCR: the worker is not stuck, and the time limit counts again from now
                if (deadline.cancel(false)) {
                    deadline = watchdog.schedule(kill, limits.docTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            if (tag != ParsedCodec.REPLY) throw new IOException("bad reply from the parse worker");
            ParsedDocument parsed = ParsedCodec.readParsed(fromChild);
            if (!deadline.cancel(false)) stop(); // the watchdog fired just as the reply came: the reply stands
            return parsed;
        } catch (IOException | RuntimeException e) {
            deadline.cancel(false);
            int exit = stop();
            if (killed.get()) return LimitCheck.timeout(source.name(), limits);
            if (exit == OOM_EXIT) return LimitCheck.outOfMemory(source.name(), limits);
            return ParsedDocument.failed(DocStatus.PARSE_FAILED, new DocIssue("parser_crashed", source.name()
                    + ": the parser process died while reading this file (exit code " + exit + "); the file is"
                    + " probably damaged: re-save it or get a fresh copy. Please report it if it opens elsewhere"));
        }
    }

    private void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only: compiling with C2 cost more than it saved (ParseOnly over bench/run.sh's 100 documents, 16.5 instead
        // of 29.0 CPU s, bench/README.md session 8)
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + limits.workerHeapMb() + "m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss8m",
                "-Xshare:auto", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                ParseWorker.class.getName()));
        command.addAll(List.of(limits.toArgs()));
        if (ocrCache != null) command.add(ocrCache.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        process = builder.start();
        started++;
        toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        fromChild = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /** Kills the child (if alive) and returns its exit code. */
    private int stop() {
        Process p = process;
        process = null;
        if (p == null) return -1;
        p.destroyForcibly();
        try {
            return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        Process p = process;
        process = null;
        if (p != null) {
            try {
                toChild.close(); // the worker ends at the end of its input
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (IOException | InterruptedException e) {
                p.destroyForcibly();
            }
        }
        watchdog.shutdownNow();
    }
}
