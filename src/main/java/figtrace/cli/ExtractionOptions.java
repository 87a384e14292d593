package figtrace.cli;

import figtrace.limits.Limits;
import figtrace.pipeline.CorpusRunner;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How run and watch extract: parallel jobs and the limits per document. A picocli mixin. */
final class ExtractionOptions {
    private static final Limits D = Limits.defaults();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Documents extracted at a time. Default: the"
            + " number of cores. Outputs are the same for any N.")
    Integer jobs;

    @Option(names = "--doc-timeout", paramLabel = "SECONDS", description = "Give up reading a file after this long"
            + " (status limit_exceeded); while pages are read by OCR, counted from the last page read. Default: 120.")
    Double docTimeoutSeconds;

    @Option(names = "--max-file-mb", paramLabel = "MB", description = "Largest file read. Default: 200.")
    Long maxFileMb;

    @Option(names = "--max-unzipped-mb", paramLabel = "MB", description = "Largest inflated size of a .docx (zip"
            + " bombs). Default: 1024.")
    Long maxUnzippedMb;

    @Option(names = "--max-chars", paramLabel = "N", description = "Most characters of text per document. Default:"
            + " 20000000.")
    Integer maxChars;

    @Option(names = "--max-line-chars", paramLabel = "N", description = "Longest line (paragraph) of text."
            + " Default: 250000.")
    Integer maxLineChars;

    @Option(names = "--max-pages", paramLabel = "N", description = "Most pages per PDF. Default: 5000.")
    Integer maxPages;

    @Option(names = "--worker-heap-mb", paramLabel = "MB", description = "Memory of each parser process."
            + " Default: 1536.")
    Integer workerHeapMb;

    @Option(names = "--in-process", description = "Parse in figtrace's own process instead of a child process per job"
            + " (slightly faster; a file that hangs or exhausts a parser then costs the whole run).")
    boolean inProcess;

    CorpusRunner.Options toOptions() {
        Limits l = D;
        if (docTimeoutSeconds != null) l = l.withDocTimeout(Duration.ofMillis((long) (docTimeoutSeconds * 1000)));
        if (maxFileMb != null) l = l.withMaxFileBytes(maxFileMb * Limits.MB);
        if (maxUnzippedMb != null) l = l.withMaxUnzippedBytes(maxUnzippedMb * Limits.MB);
        if (maxChars != null) l = l.withMaxChars(maxChars);
        if (maxLineChars != null) l = l.withMaxLineChars(maxLineChars);
        if (maxPages != null) l = l.withMaxPages(maxPages);
        if (workerHeapMb != null) l = l.withWorkerHeapMb(workerHeapMb);
        CorpusRunner.Options o = CorpusRunner.Options.defaults().withLimits(l).withForked(!inProcess);
        return jobs == null ? o : o.withJobs(Math.max(1, jobs));
    }
}
