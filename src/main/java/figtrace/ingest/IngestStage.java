package figtrace.ingest;

import figtrace.ids.Sha256;

import figtrace.model.DocType;
import figtrace.model.SourceFile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Ingest: names a file's content. Pure: the same bytes give the same {@link SourceFile}.
 *
 * <p>The type is sniffed from the bytes, never taken from the extension: corpora hold PDFs named {@code .txt} and HTML
 * pages named {@code .pdf}. The extension is only used by the runner to skip files that are clearly not documents
 * ({@link #supportedExtension}) and by the layout stage to report a misleading name ({@link #typeFromExtension}).
 */
public final class IngestStage {
    private IngestStage() {}

    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** Enough of the head of a file to find a PDF header after junk or an HTML tag after a long comment. */
    private static final int HEAD = 4096;

    public static SourceFile identify(String name, byte[] bytes) {
        return new SourceFile(name, sha256(bytes), bytes.length, sniff(bytes));
    }

    /** True for the extensions figtrace reads (txt, html, htm, pdf, docx, doc), case-insensitive. */
    public static boolean supportedExtension(String name) {
        return typeFromExtension(name) != DocType.UNKNOWN;
    }

    /** The type a file's extension claims; UNKNOWN for any other extension. */
    public static DocType typeFromExtension(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".txt")) return DocType.TXT;
        if (n.endsWith(".html") || n.endsWith(".htm")) return DocType.HTML;
        if (n.endsWith(".pdf")) return DocType.PDF;
        if (n.endsWith(".docx")) return DocType.DOCX;
        if (n.endsWith(".doc")) return DocType.DOC;
        return DocType.UNKNOWN;
    }

    /** The type of a file's content. An empty file counts as (empty) text. */
    public static DocType sniff(byte[] b) {
        if (b.length == 0) return DocType.TXT;
        int head = Math.min(b.length, HEAD);
        if (isPdf(b)) return DocType.PDF;
        if (startsWith(b, new byte[]{'P', 'K', 3, 4})) {
            // Zip entry names are stored uncompressed, in the local headers and the central directory.
            return indexOf(b, "word/document.xml".getBytes(StandardCharsets.US_ASCII), 0, b.length) >= 0
                    ? DocType.DOCX : DocType.UNKNOWN;
        }
        if (startsWith(b, OLE2_MAGIC)) {
            // OLE2 also holds .xls/.ppt/.msg; a Word file has a "WordDocument" stream (names are UTF-16LE).
            if (indexOf(b, utf16le("WordDocument"), 0, b.length) >= 0) return DocType.DOC;
            // A password-protected .docx is an OLE2 wrapper around an "EncryptedPackage" stream.
            return indexOf(b, utf16le("EncryptedPackage"), 0, b.length) >= 0 ? DocType.DOCX : DocType.UNKNOWN;
        }
        // RTF and MHT ("single file web page") are often saved with a .doc name; both are ASCII, so they would pass
        // as text and give markup as figures. figtrace does not read them.
        if (isRtf(b) || isMht(b)) return DocType.UNKNOWN;
        if (utf16Bom(b) != null) {
            // Notepad's "Unicode" (UTF-16 with a byte-order mark): text, or an HTML page saved that way
            String t = new String(b, 0, Math.min(b.length, HEAD), utf16Bom(b)).stripLeading().toLowerCase(Locale.ROOT);
            return t.startsWith("\ufeff<") || t.startsWith("<") ? DocType.HTML : DocType.TXT;
        }
        if (looksLikeHtml(b, head)) return DocType.HTML;
        return looksLikeText(b) ? DocType.TXT : DocType.UNKNOWN;
    }

    /**
     * "%PDF-" at the start (after whitespace or a BOM). PDF readers also accept it later in the first 1 KB, behind
     * junk a mail gateway or download script prepended; we do too when the tail carries a PDF trailer, so that a
     * text file merely quoting "%PDF-" stays text.
     */
    static boolean isPdf(byte[] b) {
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(b, magic, 0, Math.min(b.length, 1024));
        if (at < 0) return false;
        boolean lead = true;
        for (int i = 0; i < at; i++) {
            int c = b[i] & 0xFF;
            if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF)) { lead = false; break; }
        }
        if (lead) return true;
        int from = Math.max(0, b.length - 2048);
        String tail = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF") || tail.contains("startxref");
    }

    public static boolean isRtf(byte[] b) {
        return asciiHead(b, 16).stripLeading().startsWith("{\\rtf");
    }

    public static boolean isMht(byte[] b) {
        String h = asciiHead(b, 2048).toLowerCase(Locale.ROOT);
        return h.startsWith("mime-version:") || (h.contains("mime-version:") && h.contains("multipart/related"));
    }

    private static String asciiHead(byte[] b, int n) {
        return new String(b, 0, Math.min(b.length, n), StandardCharsets.ISO_8859_1);
    }

    static boolean looksLikeHtml(byte[] b, int head) {
        // ASCII view of the head is enough: the markers are ASCII in UTF-8, GBK and GB18030 alike.
        String s = new String(b, 0, head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        String t = s.stripLeading();
        if (t.startsWith("\u00ef\u00bb\u00bf")) t = t.substring(3).stripLeading(); // UTF-8 BOM
        if (t.startsWith("<!doctype html") || t.startsWith("<html") || t.startsWith("<head")) return true;
        // Fragments and pages that start with a comment: a leading '<' and one known tag.
        int markers = 0;
        for (String m : new String[]{"<html", "<head", "<body", "<meta ", "<title", "<div", "<p>", "<table"}) {
            if (s.contains(m)) markers++;
        }
        return t.startsWith("<") && markers >= 1;
    }

    /** UTF-16LE or UTF-16BE when the bytes start with that byte-order mark, else null. */
    public static Charset utf16Bom(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        return null;
    }

    /** Text: decodes as UTF-8 or GB18030 and holds no NUL or other binary control characters. */
    static boolean looksLikeText(byte[] b) {
        String s = decodeStrict(b, StandardCharsets.UTF_8);
        if (s == null) s = decodeStrict(b, Charset.forName("GB18030"));
        if (s == null) return false;
        int control = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
        }
        return control <= s.length() / 1000; // a stray control character is tolerated, binary is not
    }

    /** Decodes or returns null when the bytes are not valid in the charset. */
    public static String decodeStrict(byte[] b, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    public static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    private static byte[] utf16le(String s) { return s.getBytes(StandardCharsets.UTF_16LE); }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }

    static int indexOf(byte[] b, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (b[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
