package figtrace.pipeline;

import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;

/**
 * Reads one file to text within {@link figtrace.limits.Limits}: the layout stage, run where a file built to hang or
 * exhaust a parser costs one document, not the run. Never throws; whatever goes wrong is the result's status.
 * One instance serves one thread at a time.
 */
public interface DocumentParser extends AutoCloseable {
    ParsedDocument parse(SourceFile source, byte[] bytes);

    /**
     * Gets ready to parse (a forked parser starts its child JVM), so that this overlaps with whatever the caller does
     * next, such as loading the rules; never throws: a parser that cannot get ready says so from {@link #parse}.
     */
    default void prepare() {}

    @Override
    void close();
}
