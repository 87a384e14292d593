package figtrace.pipeline;

import figtrace.layout.LayoutStage;
import figtrace.limits.Limits;
import figtrace.model.ParsedDocument;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The child JVM that parses files for a {@link ForkedParser}: reads requests on stdin, answers on stdout, until
 * stdin closes. It runs with its own small heap and {@code -XX:+ExitOnOutOfMemoryError}, so a file that hangs a
 * parser or eats its memory kills only this process; the runner sees it, gives the file a status and starts another.
 */
public final class ParseWorker {
    private ParseWorker() {}

    /**
     * A runner killed with -9 cannot stop its worker; the worker stops itself, even when stuck in a parser, as soon
     * as its parent is gone.
     */
    private static void exitWithParent() {
        java.util.Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        Thread t = new Thread(() -> {
            while (parent.isPresent() && parent.get().isAlive()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(0);
        }, "figtrace-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    public static void main(String[] args) throws IOException {
        Limits limits = Limits.fromArgs(args, 0);
        exitWithParent();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(System.err); // whatever a library prints must never get into the replies
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        // an 11th argument names the OCR cache: pages without a text layer are read by Tesseract, as in-process
        // Every page read by OCR is reported at once (from the OCR threads, hence the lock on out): the runner counts
        // the time limit from the last page, so a long scan is not stopped as a hanging file.
        Runnable pageRead = () -> {
            synchronized (out) {
                try {
                    out.writeByte(ParsedCodec.PROGRESS);
                    out.flush();
                } catch (IOException e) {
                    // the runner is gone; the worker ends when its input closes
                }
            }
        };
        LayoutStage layout = args.length > 10
                ? new LayoutStage(new figtrace.layout.ProgressOcr(new figtrace.layout.TesseractOcr(java.nio.file.Path.of(args[10])), pageRead))
                : new LayoutStage();
        ParsedCodec.Request request;
        while ((request = ParsedCodec.readRequest(in)) != null) {
            ParsedDocument parsed = layout.parse(request.source(), request.bytes(), limits);
            synchronized (out) {
                out.writeByte(ParsedCodec.REPLY);
                ParsedCodec.writeParsed(out, parsed);
                out.flush();
            }
        }
    }
}
