package figtrace.pipeline;

import figtrace.model.DocumentResult;
import figtrace.rules.RulesException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code jobs} extraction threads. Each takes a slot — its own {@link Pipeline} and {@link DocumentParser} (a child
 * JVM when forked) — so no stage is shared between threads. Slots are made when first needed: a run with nothing to
 * extract loads no rules and starts no child.
 */
final class Extractors implements AutoCloseable {
    private record Slot(Pipeline pipeline, DocumentParser parser) {}

    private final CorpusRunner.Options options;
    private final CorpusRunner.PipelineSource pipelines;
    private final ExecutorService threads;
    private final BlockingQueue<Slot> free;
    private final List<Slot> all = new ArrayList<>();
    private int made;

    Extractors(CorpusRunner.Options options, CorpusRunner.PipelineSource pipelines) {
        this.options = options;
        this.pipelines = pipelines;
        this.threads = Executors.newFixedThreadPool(options.jobs(), r -> {
            Thread t = new Thread(r, "figtrace-extract");
            t.setDaemon(true);
            return t;
        });
        this.free = new ArrayBlockingQueue<>(options.jobs());
    }

    Future<DocumentResult> submit(String name, byte[] bytes) {
        return threads.submit(() -> {
            Slot slot = take();
            try {
                return SafeExtraction.process(slot.pipeline(), slot.parser(), name, bytes);
            } finally {
                free.add(slot);
            }
        });
    }

    private Slot take() throws RulesException {
        Slot slot = free.poll();
        if (slot != null) return slot;
        synchronized (this) {
            if (made < options.jobs()) {
                // the parser first: its child JVM starts while this thread loads the rules (about a second each)
                DocumentParser parser = options.forked() ? new ForkedParser(options.limits(), options.ocrCache())
                        : new InProcessParser(options.limits(), options.ocrCache());
                parser.prepare();
                Pipeline pipeline;
                try {
                    pipeline = pipelines.create();
                } catch (RuntimeException e) {
                    parser.close();
                    throw e;
                }
                slot = new Slot(pipeline, parser);
                all.add(slot);
                made++;
                return slot;
            }
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an extractor", e);
        }
    }

    /** The result, or the rules' problem that kept the pipeline from being made. */
    static DocumentResult await(Future<DocumentResult> f) throws RulesException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RulesException r) throw r;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        synchronized (this) {
            for (Slot s : all) s.parser().close();
        }
    }
}
