package figtrace.limits;

import java.time.Duration;

/**
 * What one document may cost before figtrace gives up on it. A document over a limit gets the status
 * {@code limit_exceeded} and an issue naming the limit, the measured amount and the option that raises it; the run
 * goes on with the next document.
 *
 * <p>The defaults are far above any real report (a 1,000-page statistical yearbook is ~2 million characters and
 * ~60 MB) and far below what a hostile file asks for (a zip bomb inflating to gigabytes, a million pages).
 *
 * @param docTimeout            wall time to read one file (parse to text); the parse runs where it can be stopped
 * @param maxFileBytes          bytes of the file itself
 * @param maxUnzippedBytes      total bytes inside a zip-based file (.docx) once inflated
 * @param maxZipRatio           inflated / compressed size of any large entry of a zip-based file
 * @param maxChars              characters of extracted text
 * @param maxLineChars          characters of one line (paragraph): figtrace's stages look around each figure within
 *                              its line, so one line of millions of characters costs time quadratic in its length
 * @param maxPages              pages of a PDF
 * @param maxHtmlBytes          bytes of an HTML file
 * @param maxHtmlDepth          nesting depth of HTML elements
 * @param workerHeapMb          heap of the child JVM that parses (forked parsing only)
 */
public record Limits(Duration docTimeout, long maxFileBytes, long maxUnzippedBytes, int maxZipRatio, int maxChars,
                     int maxLineChars, int maxPages, long maxHtmlBytes, int maxHtmlDepth, int workerHeapMb) {

    public static final long MB = 1024L * 1024;

    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(120), 200 * MB, 1024 * MB, 200, 20_000_000, 250_000, 5_000, 50 * MB, 50_000, 1536);
    }

    public Limits withDocTimeout(Duration d) {
        return new Limits(d, maxFileBytes, maxUnzippedBytes, maxZipRatio, maxChars, maxLineChars, maxPages, maxHtmlBytes, maxHtmlDepth, workerHeapMb);
    }

    public Limits withMaxFileBytes(long v) {
        return new Limits(docTimeout, v, maxUnzippedBytes, maxZipRatio, maxChars, maxLineChars, maxPages, maxHtmlBytes, maxHtmlDepth, workerHeapMb);
    }

    public Limits withMaxUnzippedBytes(long v) {
        return new Limits(docTimeout, maxFileBytes, v, maxZipRatio, maxChars, maxLineChars, maxPages, maxHtmlBytes, maxHtmlDepth, workerHeapMb);
    }

    public Limits withMaxChars(int v) {
        return new Limits(docTimeout, maxFileBytes, maxUnzippedBytes, maxZipRatio, v, maxLineChars, maxPages, maxHtmlBytes, maxHtmlDepth, workerHeapMb);
    }

    public Limits withMaxLineChars(int v) {
        return new Limits(docTimeout, maxFileBytes, maxUnzippedBytes, maxZipRatio, maxChars, v, maxPages, maxHtmlBytes, maxHtmlDepth, workerHeapMb);
    }

    public Limits withMaxPages(int v) {
        return new Limits(docTimeout, maxFileBytes, maxUnzippedBytes, maxZipRatio, maxChars, maxLineChars, v, maxHtmlBytes, maxHtmlDepth, workerHeapMb);
    }

    public Limits withWorkerHeapMb(int v) {
        return new Limits(docTimeout, maxFileBytes, maxUnzippedBytes, maxZipRatio, maxChars, maxLineChars, maxPages, maxHtmlBytes, maxHtmlDepth, v);
    }

    /** As command-line arguments for the parse worker, read back by {@link #fromArgs}. */
    public String[] toArgs() {
        return new String[]{Long.toString(docTimeout.toMillis()), Long.toString(maxFileBytes),
                Long.toString(maxUnzippedBytes), Integer.toString(maxZipRatio), Integer.toString(maxChars),
                Integer.toString(maxLineChars), Integer.toString(maxPages), Long.toString(maxHtmlBytes), Integer.toString(maxHtmlDepth),
                Integer.toString(workerHeapMb)};
    }

    public static Limits fromArgs(String[] a, int from) {
        return new Limits(Duration.ofMillis(Long.parseLong(a[from])), Long.parseLong(a[from + 1]),
                Long.parseLong(a[from + 2]), Integer.parseInt(a[from + 3]), Integer.parseInt(a[from + 4]),
                Integer.parseInt(a[from + 5]), Integer.parseInt(a[from + 6]), Long.parseLong(a[from + 7]),
                Integer.parseInt(a[from + 8]), Integer.parseInt(a[from + 9]));
    }

    static String mb(long bytes) {
        return bytes >= MB ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MB) : bytes + " bytes";
    }
}
