package figtrace.model;

/**
 * What became of one document. Problems are data, not exceptions: every file gets a status and the run goes on.
 * A document "failed" when it yields no usable text at all.
 */
public enum DocStatus {
    /** Text extracted, nothing to report. */
    OK,
    /** Text extracted, with issues worth a look (listed beside the status). */
    OK_WITH_ISSUES,
    /** The file holds no text at all (empty file, empty body). */
    EMPTY_TEXT,
    /** A text layer exists but is unusable (wrong ToUnicode maps, mojibake), and no OCR engine could read the pages. */
    GARBLED_TEXT,
    /** Pages are images only, and no OCR engine could read them (Tesseract is not installed). */
    NEEDS_OCR,
    /** The parser could not read the file (truncated, corrupt, encrypted). */
    PARSE_FAILED,
    /** Not a format figtrace reads. */
    UNSUPPORTED,
    /** Over a per-document limit (time, size, inflated size, text, pages, nesting); the issue names the limit. */
    LIMIT_EXCEEDED;

    public String code() { return name().toLowerCase(); }

    public boolean failed() { return this != OK && this != OK_WITH_ISSUES; }

    public static DocStatus fromCode(String code) { return valueOf(code.toUpperCase()); }
}
