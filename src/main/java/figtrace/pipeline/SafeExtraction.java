package figtrace.pipeline;

import figtrace.ingest.IngestStage;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.DocumentResult;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;

import java.util.List;

/**
 * Extraction of one document that never throws: whatever goes wrong with a file becomes its status and issue, so one
 * bad file never stops a run. Every runner (the corpus runner, the parse workers' caller, the Spark job) goes through
 * it, so a failing file is treated the same way everywhere.
 */
public final class SafeExtraction {
    private SafeExtraction() {}

    /** Never throws: a bug on one file becomes a parse_failed result with a message. */
    static DocumentResult process(Pipeline pipeline, String name, byte[] bytes) {
        try {
            return pipeline.extract(name, bytes);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failure(name, bytes, "internal_error", name + ": figtrace failed on this file (" + e
                    + "); the run went on without it. Please report the file so the bug can be fixed");
        }
    }

    /**
     * The same, with the text read by {@code parser} (where it can be stopped and is held to the limits). Public for
     * runners elsewhere (the Spark job), so that every runner treats a failing file the same way.
     */
    public static DocumentResult process(Pipeline pipeline, DocumentParser parser, String name, byte[] bytes) {
        try {
            SourceFile source = IngestStage.identify(name, bytes);
            return pipeline.extract(source, parser.parse(source, bytes));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failure(name, bytes, "internal_error", name + ": figtrace failed on this file (" + e
                    + "); the run went on without it. Please report the file so the bug can be fixed");
        }
    }

    /** A document that could not be read at all: status parse_failed with {@code code} and {@code message}. */
    public static DocumentResult failure(String name, byte[] bytes, String code, String message) {
        SourceFile source = new SourceFile(name, IngestStage.sha256(bytes), bytes.length, DocType.UNKNOWN);
        return new DocumentResult(source, ParsedDocument.failed(DocStatus.PARSE_FAILED, new DocIssue(code, message)), List.of());
    }
}
