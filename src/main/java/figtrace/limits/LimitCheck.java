package figtrace.limits;

import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.ParsedDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cheap checks of a file's bytes against {@link Limits} before any parser sees them, and of the parser's text after.
 * Each returns null when the file is within its limits, else a {@code limit_exceeded} result whose message says which
 * limit, how much the file needs and which option raises the limit. Pure functions of (name, bytes, limits).
 */
public final class LimitCheck {
    private LimitCheck() {}

    public static final String CODE_FILE = "file_too_large", CODE_ZIP = "zip_bomb", CODE_CHARS = "too_much_text", CODE_LINE = "line_too_long",
            CODE_PAGES = "too_many_pages", CODE_HTML = "html_too_large", CODE_DEPTH = "html_too_deep",
            CODE_TIMEOUT = "doc_timeout", CODE_MEMORY = "out_of_memory";

    public static ParsedDocument limitExceeded(String code, String message) {
        return ParsedDocument.failed(DocStatus.LIMIT_EXCEEDED, new DocIssue(code, message));
    }

    public static ParsedDocument fileSize(String name, long size, Limits limits) {
        if (size <= limits.maxFileBytes()) return null;
        return limitExceeded(CODE_FILE, name + ": the file is " + Limits.mb(size) + ", over the limit of "
                + Limits.mb(limits.maxFileBytes()) + " per file; it was not read. Split it, or raise the limit with"
                + " --max-file-mb if it really is one report");
    }

    /** Checks before parsing, by the type sniffed from the bytes. */
    public static ParsedDocument beforeParse(String name, byte[] bytes, DocType type, Limits limits) {
        ParsedDocument size = fileSize(name, bytes.length, limits);
        if (size != null) return size;
        if (isZip(bytes)) return zip(name, bytes, limits);
        if (type == DocType.HTML) return html(name, bytes, limits);
        return null;
    }

    /** After parsing: the text itself. */
    public static ParsedDocument afterParse(String name, ParsedDocument parsed, Limits limits) {
        int chars = parsed.text().text().length();
        if (chars > limits.maxChars()) {
            return limitExceeded(CODE_CHARS, name + ": the file holds " + chars + " characters of text, over the limit"
                    + " of " + limits.maxChars() + " per document; nothing was extracted. Split it, or raise the"
                    + " limit with --max-chars");
        }
        for (figtrace.model.TextLine line : parsed.text().lines()) {
            int length = line.end() - line.start();
            if (length > limits.maxLineChars()) {
                return limitExceeded(CODE_LINE, name + ": line " + line.number() + (line.page() > 0 ? " of page "
                        + line.page() : "") + " is " + length + " characters long without a line break, over the"
                        + " limit of " + limits.maxLineChars() + "; nothing was extracted. Break the text into"
                        + " paragraphs (or save it again as text with line breaks), or raise the limit with"
                        + " --max-line-chars");
            }
        }
        return null;
    }

    public static ParsedDocument pages(String name, int pages, Limits limits) {
        if (pages <= limits.maxPages()) return null;
        return limitExceeded(CODE_PAGES, name + ": the PDF has " + pages + " pages, over the limit of "
                + limits.maxPages() + "; nothing was extracted. Split it, or raise the limit with --max-pages");
    }

    public static ParsedDocument timeout(String name, Limits limits) {
        return limitExceeded(CODE_TIMEOUT, name + ": reading the file took longer than the limit of "
                + limits.docTimeout().toSeconds() + " s and was stopped; the file is probably built to hang parsers"
                + " or is damaged. Re-save it (Word/WPS, a PDF tool), or raise the limit with --doc-timeout");
    }

    public static ParsedDocument outOfMemory(String name, Limits limits) {
        return limitExceeded(CODE_MEMORY, name + ": reading the file needed more than the parser's "
                + limits.workerHeapMb() + " MB of memory and was stopped; the file is probably a bomb or damaged."
                + " Re-save it, or raise the memory with --worker-heap-mb");
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /**
     * Inflates the archive entry by entry, counting bytes and discarding them, and stops at the first limit crossed.
     * The sizes a zip declares can lie, so they are not trusted; inflating costs at most maxUnzippedBytes of CPU and
     * no memory.
     */
    static ParsedDocument zip(String name, byte[] bytes, Limits limits) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                long entry = 0;
                int n;
                while ((n = zin.read(buffer)) > 0) {
                    entry += n;
                    total += n;
                    if (total > limits.maxUnzippedBytes()) {
                        return limitExceeded(CODE_ZIP, name + ": the zip inside this file inflates to more than "
                                + Limits.mb(limits.maxUnzippedBytes()) + " (from " + Limits.mb(bytes.length)
                                + "); it looks like a zip bomb and was not read. If it is a real document, re-save"
                                + " it in Word/WPS, or raise the limit with --max-unzipped-mb");
                    }
                }
                long compressed = e.getCompressedSize();
                if (entry > 10 * Limits.MB && compressed > 0 && entry / compressed > limits.maxZipRatio()) {
                    return limitExceeded(CODE_ZIP, name + ": the part " + e.getName() + " inflates "
                            + (entry / compressed) + " times (" + Limits.mb(compressed) + " → " + Limits.mb(entry)
                            + "), over the limit of " + limits.maxZipRatio() + "; it looks like a zip bomb and was"
                            + " not read. If it is a real document, re-save it in Word/WPS");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null; // a damaged zip: the parser reports it in its own words
        }
        return null;
    }

    /** Elements whose end tag HTML requires: their nesting is real nesting (unclosed p/li are closed implicitly). */
    private static final Set<String> NESTING = Set.of("div", "span", "table", "font", "section", "article", "b", "i",
            "em", "strong", "a", "ul", "ol", "blockquote", "center", "small", "big", "u", "sub", "sup");

    /**
     * HTML size, and its nesting depth by a linear scan of tags: parsers and tree walks get quadratic or run out of
     * stack on pages nested tens of thousands deep, which no real page is.
     */
    static ParsedDocument html(String name, byte[] bytes, Limits limits) {
        if (bytes.length > limits.maxHtmlBytes()) {
            return limitExceeded(CODE_HTML, name + ": the HTML page is " + Limits.mb(bytes.length) + ", over the"
                    + " limit of " + Limits.mb(limits.maxHtmlBytes()) + "; it was not read. Save the article alone"
                    + " (the browser's reader view or \"save as text\"), or raise the limit with --max-file-mb");
        }
        int depth = 0, max = 0;
        for (int i = 0; i < bytes.length - 1; i++) {
            if (bytes[i] != '<') continue;
            boolean close = bytes[i + 1] == '/';
            int s = close ? i + 2 : i + 1, e = s;
            while (e < bytes.length && e - s < 12 && ((bytes[e] | 0x20) >= 'a' && (bytes[e] | 0x20) <= 'z')) e++;
            if (e == s) continue;
            String tag = new String(bytes, s, e - s, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (!NESTING.contains(tag)) continue;
            if (close) {
                depth = Math.max(0, depth - 1);
            } else if (++depth > max) {
                max = depth;
                if (max > limits.maxHtmlDepth()) {
                    return limitExceeded(CODE_DEPTH, name + ": the HTML page nests elements more than "
                            + limits.maxHtmlDepth() + " deep, which no real page does; it was not read. Save the"
                            + " article alone (the browser's reader view or \"save as text\")");
                }
            }
        }
        return null;
    }
}
