package figtrace.pipeline;

import figtrace.ingest.IngestStage;
import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.DocumentResult;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.rules.Rules;
import figtrace.store.OutputWriter;
import figtrace.store.SqliteStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the pipeline over a corpus folder and writes every output. One bad file never stops the run: whatever goes
 * wrong with a document becomes its status and issues, and the next document is processed.
 */
public final class CorpusRunner {
    /** Hears about progress; the CLI prints it, tests count it. */
    public interface Listener {
        default void started(int total) {}
        default void documentStarted(int index, int total, String name) {}
        default void documentDone(DocumentResult result) {}
        default void skipped(String name, String reason) {}
    }

    public record Summary(int documents, Map<DocStatus, Integer> byStatus, int figures, List<DocumentResult> failed,
                          List<String> skipped, long millis) {
        public boolean anyFailed() { return !failed.isEmpty(); }
    }

    private final Pipeline pipeline;

    public CorpusRunner(Rules rules) throws figtrace.rules.RulesException {
        this.pipeline = new Pipeline(rules);
    }

    public Summary run(Path corpus, Path out, Listener listener) throws IOException {
        long t0 = System.nanoTime();
        List<Path> files = listFiles(corpus);
        List<Path> supported = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            String name = relativeName(corpus, f);
            if (IngestStage.supportedExtension(name)) {
                supported.add(f);
            } else {
                skipped.add(name);
                listener.skipped(name, "not a format figtrace reads (it reads .txt, .html, .htm, .pdf, .docx, .doc); skipped");
            }
        }
        Files.createDirectories(out);
        listener.started(supported.size());
        List<DocumentResult> results = new ArrayList<>();
        Map<DocStatus, Integer> byStatus = new EnumMap<>(DocStatus.class);
        List<DocumentResult> failed = new ArrayList<>();
        int figures = 0;
        try (SqliteStore store = SqliteStore.open(out.resolve("figtrace.db"))) {
            for (int i = 0; i < supported.size(); i++) {
                Path f = supported.get(i);
                String name = relativeName(corpus, f);
                listener.documentStarted(i + 1, supported.size(), name);
                DocumentResult result = process(f, name);
                store.save(result);
                results.add(result);
                byStatus.merge(result.parsed().status(), 1, Integer::sum);
                if (result.parsed().status().failed()) failed.add(result);
                figures += result.figures().size();
                listener.documentDone(result);
            }
        }
        new OutputWriter(out).writeAll(results);
        return new Summary(results.size(), byStatus, figures, failed, skipped, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Never throws: an unreadable file or a bug becomes a parse_failed result with a message. */
    DocumentResult process(Path file, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            return failure(name, new byte[0], "unreadable", name + ": the file cannot be read (" + e.getMessage()
                    + "); check that it exists and that you may read it");
        }
        try {
            return pipeline.extract(name, bytes);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failure(name, bytes, "internal_error", name + ": figtrace failed on this file (" + e
                    + "); the run went on without it. Please report the file so the bug can be fixed");
        }
    }

    private static DocumentResult failure(String name, byte[] bytes, String code, String message) {
        SourceFile source = new SourceFile(name, IngestStage.sha256(bytes), bytes.length, DocType.UNKNOWN);
        return new DocumentResult(source, ParsedDocument.failed(DocStatus.PARSE_FAILED, new DocIssue(code, message)), List.of());
    }

    static List<Path> listFiles(Path corpus) throws IOException {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).equals("readme.md"))
                    .sorted().toList();
        }
    }

    static String relativeName(Path corpus, Path file) {
        return corpus.relativize(file).toString().replace('\\', '/');
    }
}
