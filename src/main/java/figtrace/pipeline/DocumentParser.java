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

    @Override
    void close();
}
