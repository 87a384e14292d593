package figtrace.pipeline;

import figtrace.layout.LayoutStage;
import figtrace.limits.LimitCheck;
import figtrace.limits.Limits;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Parses in this JVM with every limit but a hard stop: after {@link Limits#docTimeout()} the document gets its
 * {@code doc_timeout} status and the run goes on, but the parser thread can only be interrupted, not killed, and
 * goes on until it ends by itself. For trusted corpora, tests and embedding (Spark executors); runs of unknown files
 * use {@link ForkedParser}.
 */
public final class InProcessParser implements DocumentParser {
    private final Limits limits;
    private final LayoutStage layout;
    private ExecutorService thread = newThread();
    /** When the parse last made progress: its start, or the last page read by OCR (System.nanoTime()). */
    private final java.util.concurrent.atomic.AtomicLong progress = new java.util.concurrent.atomic.AtomicLong();

    public InProcessParser(Limits limits) {
        this(limits, (java.nio.file.Path) null);
    }

    /** @param ocrCache where Tesseract caches its pages; null for no OCR */
    public InProcessParser(Limits limits, java.nio.file.Path ocrCache) {
        this(limits, ocrCache == null ? null : new figtrace.layout.TesseractOcr(ocrCache));
    }

    /** @param ocr the engine for pages without a usable text layer; null for no OCR */
    InProcessParser(Limits limits, figtrace.layout.Ocr ocr) {
        this.limits = limits;
        this.layout = ocr == null ? new LayoutStage()
                : new LayoutStage(new figtrace.layout.ProgressOcr(ocr, () -> progress.set(System.nanoTime())));
    }

    private static ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "figtrace-parse");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public ParsedDocument parse(SourceFile source, byte[] bytes) {
        progress.set(System.nanoTime());
        Future<ParsedDocument> f = thread.submit(() -> layout.parse(source, bytes, limits));
        try {
            // the time limit counts from the start or from the last page read by OCR, whichever came last
            while (true) {
                long left = limits.docTimeout().toNanos() - (System.nanoTime() - progress.get());
                if (left <= 0) throw new TimeoutException();
                try {
                    return f.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // a page may have been read meanwhile: look again
                }
            }
        } catch (TimeoutException e) {
            f.cancel(true);
            thread.shutdownNow();
            thread = newThread(); // the stuck thread is abandoned; the next document gets a fresh one
            return LimitCheck.timeout(source.name(), limits);
        } catch (ExecutionException e) {
            throw new IllegalStateException("LayoutStage.parse never throws", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LimitCheck.timeout(source.name(), limits);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
