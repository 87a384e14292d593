package figtrace.layout;

import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PDF through PDFBox. Text per page in reading order (sorted by position); each visual line is a line. On top of
 * plain extraction: page numbers and running headers/footers are dropped, soft wraps are flagged
 * ({@code continues}), wide gaps between runs become '\t' cell breaks, and a page set without a usable text layer
 * is read by OCR ({@link PdfOcr}) where an {@link Ocr} engine is available, and otherwise gets NEEDS_OCR or
 * GARBLED_TEXT instead of junk.
 */
final class PdfReader {
    private PdfReader() {}

    /** A page number on its own: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 20 页", "3/20", "Page 3 of 20". */
    static final Pattern PAGE_NUMBER = Pattern.compile(
            "^[\\s\\-—–－―~·•]*(第\\s*|(?i:page)\\s*)?\\d{1,4}(\\s*页)?(\\s*(/|共|(?i:of))\\s*\\d{1,4}\\s*页?)?[\\s\\-—–－―~·•]*$");
    private static final String SENTENCE_END = "。；！？：.;!?:";

    static ParsedDocument read(String name, byte[] bytes) {
        return read(name, bytes, Ocr.NONE, figtrace.limits.Limits.defaults());
    }

    static ParsedDocument read(String name, byte[] bytes, Ocr ocr) {
        return read(name, bytes, ocr, figtrace.limits.Limits.defaults());
    }

    static ParsedDocument read(String name, byte[] bytes, Ocr ocr, figtrace.limits.Limits limits) {
        List<DocIssue> issues = new ArrayList<>();
        boolean truncated = !tailHasEof(bytes);
        PDDocument doc;
        try {
            doc = Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            return ParsedDocument.failed(DocStatus.PARSE_FAILED, new DocIssue("encrypted_pdf", name
                    + ": the PDF is encrypted and needs a password to open; save an unprotected copy and run again"));
        } catch (IOException | RuntimeException e) {
            return ParsedDocument.failed(DocStatus.PARSE_FAILED, new DocIssue(truncated ? "truncated_pdf" : "corrupt_pdf",
                    name + ": the PDF cannot be opened (" + e.getMessage() + ")"
                            + (truncated ? "; the file ends before its %%EOF marker, so it is probably truncated: download it again"
                            : "; it is damaged: get a fresh copy or re-save it with a PDF tool")));
        }
        try (doc) {
            // A PDF bomb declares a huge page tree: refuse it before reading a single page.
            ParsedDocument tooMany = figtrace.limits.LimitCheck.pages(name, doc.getNumberOfPages(), limits);
            if (tooMany != null) return tooMany;
            ParsedDocument parsed = read(name, doc, truncated, issues, ocr);
            // In a cut-off file, fonts and images are often missing: what looks like a scan or a garbled text layer
            // is really the truncation, and that is the thing to report.
            if (truncated && parsed.status().failed() && parsed.status() != DocStatus.PARSE_FAILED) {
                return new ParsedDocument(DocumentText.empty(), parsed.pages(), DocStatus.PARSE_FAILED, List.of(new DocIssue(
                        "truncated_pdf", name + ": the PDF ends before its %%EOF marker, so it is truncated, and no usable "
                        + "text could be read from what is left (" + parsed.status().code() + "): download it again")),
                        parsed.metadata());
            }
            return parsed;
        } catch (IOException e) {
            return ParsedDocument.failed(DocStatus.PARSE_FAILED, new DocIssue("corrupt_pdf",
                    name + ": the PDF could not be read (" + e.getMessage() + "); get a fresh copy or re-save it with a PDF tool"));
        }
    }

    private static ParsedDocument read(String name, PDDocument doc, boolean truncated, List<DocIssue> issues, Ocr ocr)
            throws IOException {
        int pageCount = doc.getNumberOfPages();
        Map<String, String> meta = metadata(doc);
        if (pageCount == 0) {
            return new ParsedDocument(DocumentText.empty(), 0, DocStatus.PARSE_FAILED, List.of(new DocIssue(
                    truncated ? "truncated_pdf" : "corrupt_pdf", name + ": no page of the PDF could be read"
                            + (truncated ? "; the file ends before its %%EOF marker, so it is probably truncated: download it again"
                            : "; get a fresh copy or re-save it with a PDF tool"))), meta);
        }
        if (truncated) {
            issues.add(new DocIssue("truncated_pdf", name + ": the PDF ends before its %%EOF marker, so it is probably "
                    + "truncated; text was read from the pages that survive: download the file again to get all of it"));
        }

        LineStripper byPosition = new LineStripper(true);
        LineStripper byStream = new LineStripper(false);
        List<List<PdfLine>> pages = new ArrayList<>(pageCount);
        List<Integer> failedPages = new ArrayList<>();
        for (int p = 1; p <= pageCount; p++) {
            List<PdfLine> lines = byPosition.page(doc, p);
            if (lines == null) {
                failedPages.add(p);
                lines = List.of();
            } else if (mixedLines(lines) >= 3) {
                // Sorting by position runs side-by-side columns (a sidebar beside the text) into one line. The
                // content stream usually draws each column (text box) in turn, so read the page in that order
                // instead when it mixes fewer lines.
                List<PdfLine> inStreamOrder = byStream.page(doc, p);
                if (inStreamOrder != null && mixedLines(inStreamOrder) < mixedLines(lines)) lines = inStreamOrder;
            }
            pages.add(lines);
        }
        if (!failedPages.isEmpty()) {
            issues.add(new DocIssue("unreadable_pages", name + ": the text of page(s) " + ranges(failedPages)
                    + " could not be read (damaged content streams); figures on them are missing"));
        }

        // Which pages have no text at all, and are they images (scans)?
        List<Integer> noText = new ArrayList<>();
        List<Integer> imageOnly = new ArrayList<>();
        noTextPages(doc, pages, noText, imageOnly);

        // Pages without a usable text layer (scans; all pages when the text layer is garbled) are read by OCR.
        Map<String, List<OcrLines.Placed>> ocrIndex = OcrLines.newIndex();
        figtrace.model.OcrRun ocrRun = null;
        boolean garbled = noText.size() < pageCount && isGarbled(allText(pages));
        List<Integer> toOcr = garbled ? allPages(pageCount) : List.copyOf(imageOnly);
        if (!toOcr.isEmpty() && ocr.available()) {
            PdfOcr.Result r = PdfOcr.run(doc, toOcr, ocr, pages, ocrIndex);
            if (!r.done().isEmpty()) ocrRun = new figtrace.model.OcrRun(r.done().size(), r.fromCache(), r.ocrMillis());
            if (!r.done().isEmpty()) {
                issues.add(new DocIssue("ocr_pages", name + ": page(s) " + ranges(r.done()) + " of " + pageCount
                        + " have no usable text layer (" + (garbled ? "the text layer is garbled" : "scanned images")
                        + ") and were read by OCR (" + ocr.describe() + "); their figures carry source ocr and the OCR "
                        + "confidence, and uncertain ones say so in their note: check those against the page image"));
            }
            if (!r.failed().isEmpty()) {
                issues.add(new DocIssue("ocr_failed", name + ": OCR failed on page(s) " + ranges(r.failed()) + " ("
                        + r.failure() + "); figures on them are missing. Run again; if it fails again, check that "
                        + "`tesseract` runs on this machine"));
            }
            noText.clear();
            imageOnly.clear();
            noTextPages(doc, pages, noText, imageOnly);
            imageOnly.removeAll(r.done()); // OCRed, and no words on it: a blank scan
        }
        String install = ocr.available() ? "" : " (" + ocr.unavailableReason() + ")";
        if (noText.size() == pageCount) {
            if (!imageOnly.isEmpty()) {
                return new ParsedDocument(DocumentText.empty(), pageCount, DocStatus.NEEDS_OCR, List.of(new DocIssue("needs_ocr",
                        name + ": none of its " + pageCount + " pages has a text layer; the pages are scanned images. "
                                + "Nothing was extracted" + (ocr.available() ? ", and OCR read no text on them either"
                                : "; " + ocr.unavailableReason()))), meta);
            }
            return new ParsedDocument(DocumentText.empty(), pageCount, DocStatus.EMPTY_TEXT, List.of(new DocIssue("empty_text",
                    name + ": none of its " + pageCount + " pages holds text or images; nothing to extract")), meta);
        }

        String all = allText(pages);
        if (isGarbled(all)) {
            return new ParsedDocument(DocumentText.empty(), pageCount, DocStatus.GARBLED_TEXT, List.of(new DocIssue("garbled_text",
                    name + ": the PDF has a text layer but it is unusable (" + describe(all) + "): its fonts map glyphs "
                            + "to the wrong characters, although the pages look right. Nothing was extracted"
                            + (ocr.available() ? "" : "; " + ocr.unavailableReason()))), meta);
        }
        // Blank pages (no text, no image) are normal; image pages without text are scans whose figures are missed.
        if (!imageOnly.isEmpty()) {
            issues.add(new DocIssue("pages_without_text", name + ": page(s) " + ranges(imageOnly) + " of " + pageCount
                    + " have no text layer (scanned images); figures on them are missing" + install));
        }

        List<Row> rows = layOut(pages);
        DocumentText text = Lines.build(rows);
        if (!ocrIndex.isEmpty()) {
            text = new DocumentText(text.text(), text.lines(), OcrLines.place(text, rows, ocrIndex, ocr.dpi()));
        }
        DocStatus status = issues.isEmpty() ? DocStatus.OK : DocStatus.OK_WITH_ISSUES;
        if (text.isBlank()) status = DocStatus.EMPTY_TEXT;
        return new ParsedDocument(text, pageCount, status, issues, meta, ocrRun);
    }

    private static void noTextPages(PDDocument doc, List<List<PdfLine>> pages, List<Integer> noText, List<Integer> imageOnly) {
        for (int p = 1; p <= pages.size(); p++) {
            if (pages.get(p - 1).isEmpty()) {
                noText.add(p);
                if (hasImage(doc.getPage(p - 1).getResources(), 0)) imageOnly.add(p);
            }
        }
    }

    private static List<Integer> allPages(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int p = 1; p <= count; p++) all.add(p);
        return all;
    }

    /** Turns the pages' lines into rows: furniture dropped, cells tab-separated, soft wraps and tables marked. */
    static List<Row> layOut(List<List<PdfLine>> pages) {
        boolean[][] furniture = furniture(pages);
        List<Row> rows = new ArrayList<>();
        List<PdfLine> rowLines = new ArrayList<>(); // the line each row came from, for the table grid
        for (int p = 0; p < pages.size(); p++) {
            List<PdfLine> lines = pages.get(p);
            List<Row> pageRows = new ArrayList<>();
            List<PdfLine> kept = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (furniture[p][i]) continue;
                PdfLine l = lines.get(i);
                Row r = new Row(p + 1, l.text());
                r.tabular = l.cells > 1;
                pageRows.add(r);
                kept.add(l);
            }
            // The right margin of the page's prose: the widest line that is not a table row.
            float right = rightMargin(kept), left = Float.MAX_VALUE;
            for (PdfLine l : kept) if (l.cells == 1) left = Math.min(left, l.left);
            for (int i = 0; i < kept.size(); i++) {
                PdfLine l = kept.get(i);
                String t = pageRows.get(i).text;
                char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
                // A line that spans the text column to the right margin without ending its sentence wraps softly
                // into the next one (first lines of paragraphs are indented by two glyphs, so allow that at the left).
                // A column of a two-column page starts further right, hence the width test beside the left one.
                pageRows.get(i).continues = l.cells == 1 && right > 0 && l.right >= right - 1.5f * l.em
                        && (l.left <= left + 2.5f * l.em || l.right - l.left >= 12 * l.em)
                        && SENTENCE_END.indexOf(last) < 0
                        // the paragraph goes on at the same left edge (or two glyphs left of an indented first line);
                        // a centred title followed by a right-aligned 单位 line does not
                        && (i + 1 >= kept.size() || (kept.get(i + 1).left >= l.left - 3.5f * l.em
                                && kept.get(i + 1).left <= l.left + 1f * l.em));
            }
            rows.addAll(pageRows);
            rowLines.addAll(kept);
        }
        // The last line of the document cannot continue.
        if (!rows.isEmpty()) rows.get(rows.size() - 1).continues = false;
        bridgeShortGaps(rows);
        Lines.markTabularRuns(rows, 0);
        TableGrid.align(rows, rowLines);
        // Table rows never wrap into prose, and a line followed by a table (a table's title) does not run into it.
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.table >= 0 || (i + 1 < rows.size() && rows.get(i + 1).table >= 0)) r.continues = false;
        }
        return rows;
    }

    /**
     * The right edge of the text column: the rightmost edge that at least three prose lines reach (within a glyph),
     * so one overlong line (a chart axis, a URL) does not move it. Falls back to the rightmost edge.
     */
    static float rightMargin(List<PdfLine> lines) {
        List<PdfLine> prose = new ArrayList<>();
        for (PdfLine l : lines) if (l.cells == 1) prose.add(l);
        prose.sort((a, b) -> Float.compare(b.right, a.right));
        for (PdfLine candidate : prose) {
            int reach = 0;
            for (PdfLine l : prose) if (Math.abs(l.right - candidate.right) <= candidate.em) reach++;
            if (reach >= 3) return candidate.right;
        }
        return prose.isEmpty() ? 0 : prose.get(0).right;
    }

    /**
     * A short line between two tabular lines on the same page is part of the table too (a header cell wrapped onto
     * its own line, a label row with one cell), so one table is not cut in two.
     */
    static void bridgeShortGaps(List<Row> rows) {
        for (int i = 1; i + 1 < rows.size(); i++) {
            Row prev = rows.get(i - 1), r = rows.get(i), next = rows.get(i + 1);
            if (!r.tabular && prev.tabular && next.tabular && prev.page == r.page && next.page == r.page
                    && r.text.length() <= 20) r.tabular = true;
        }
    }

    /**
     * Page furniture: page numbers and running headers/footers. Only the first and last two lines of a page are
     * candidates; a header is a short line (digits ignored) seen at the top or bottom of at least half of the pages.
     */
    static boolean[][] furniture(List<List<PdfLine>> pages) {
        boolean[][] drop = new boolean[pages.size()][];
        Map<String, Integer> seen = new HashMap<>();
        for (List<PdfLine> lines : pages) {
            for (String k : new java.util.HashSet<>(edgeKeys(lines))) seen.merge(k, 1, Integer::sum);
        }
        int textPages = (int) pages.stream().filter(l -> !l.isEmpty()).count();
        for (int p = 0; p < pages.size(); p++) {
            List<PdfLine> lines = pages.get(p);
            drop[p] = new boolean[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                if (!isEdge(i, lines.size())) continue;
                PdfLine l = lines.get(i);
                if (l.cells > 1) continue; // table header rows repeat on every page of a long table: keep them
                if (PAGE_NUMBER.matcher(l.text()).matches()) { drop[p][i] = true; continue; }
                String k = key(l.text());
                if (k != null && textPages >= 3 && seen.getOrDefault(k, 0) >= Math.max(3, (textPages + 1) / 2)) drop[p][i] = true;
            }
        }
        return drop;
    }

    private static boolean isEdge(int i, int n) { return i < 2 || i >= n - 2; }

    private static List<String> edgeKeys(List<PdfLine> lines) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!isEdge(i, lines.size()) || lines.get(i).cells > 1) continue;
            String k = key(lines.get(i).text());
            if (k != null) keys.add(k);
        }
        return keys;
    }

    /** Running-header key: digits folded, spaces gone; null for lines that must never be dropped. */
    private static String key(String text) {
        String k = text.replaceAll("\\s+", "").replaceAll("\\d+", "#");
        if (k.isEmpty() || k.length() > 40 || k.contains("单位")) return null;
        return k;
    }

    private static String allText(List<List<PdfLine>> pages) {
        StringBuilder sb = new StringBuilder();
        for (List<PdfLine> lines : pages) for (PdfLine l : lines) sb.append(l.text()).append('\n');
        return sb.toString();
    }

    /**
     * A text layer is garbled when it holds next to no Chinese ideographs yet is full of ASCII punctuation or of
     * full-width digits and CJK punctuation: what wrong ToUnicode maps give (淮安's budget report reads as
     * {@code !"#$%&'…} around ２０２５ and ，。). An English document has few of either, so it is not caught.
     */
    static boolean isGarbled(String s) {
        int nonSpace = 0, ideographs = 0, asciiPunct = 0, cjkPunct = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) continue;
            nonSpace++;
            if (c >= '\u4E00' && c <= '\u9FFF') ideographs++;
            else if ((c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
                    || c < ' ' || (c >= '\uE000' && c <= '\uF8FF') || c == '\uFFFD') asciiPunct++;
            else if ((c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF')) cjkPunct++;
        }
        if (nonSpace < 50) return false;
        return ideographs < 0.05 * nonSpace && (asciiPunct > 0.10 * nonSpace || cjkPunct > 0.10 * nonSpace);
    }

    private static String describe(String s) {
        String sample = s.replaceAll("\\s+", " ").strip();
        if (sample.length() > 40) sample = sample.substring(0, 40) + "…";
        long cjk = s.chars().filter(c -> c >= 0x4E00 && c <= 0x9FFF).count();
        return cjk + " Chinese characters; it reads like \"" + sample + "\"";
    }

    /** True when the resources (or a form inside them) draw an image. */
    static boolean hasImage(PDResources res, int depth) {
        if (res == null || depth > 3) return false;
        for (COSName n : res.getXObjectNames()) {
            try {
                PDXObject x = res.getXObject(n);
                if (x instanceof PDImageXObject) return true;
                if (x instanceof PDFormXObject f && hasImage(f.getResources(), depth + 1)) return true;
            } catch (IOException | RuntimeException e) {
                // an unreadable XObject is no evidence either way
            }
        }
        return false;
    }

    static Map<String, String> metadata(PDDocument doc) {
        Map<String, String> meta = new LinkedHashMap<>();
        PDDocumentInformation info = doc.getDocumentInformation();
        if (info == null) return meta;
        put(meta, "title", info.getTitle());
        put(meta, "author", info.getAuthor());
        try {
            Calendar c = info.getCreationDate();
            if (c != null) meta.put("created", c.toInstant().toString());
        } catch (RuntimeException e) {
            // a malformed date is not worth failing for
        }
        return meta;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v.strip());
    }

    /** "1-2, 5" from [1, 2, 5]. */
    static String ranges(List<Integer> pages) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < pages.size()) {
            int j = i;
            while (j + 1 < pages.size() && pages.get(j + 1) == pages.get(j) + 1) j++;
            if (sb.length() > 0) sb.append(", ");
            sb.append(pages.get(i));
            if (j > i) sb.append('–').append(pages.get(j));
            i = j + 1;
        }
        return sb.toString();
    }

    private static boolean tailHasEof(byte[] b) {
        int from = Math.max(0, b.length - 2048);
        return new String(b, from, b.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    /**
     * Lines that look like two columns run together: cells, one of which is a stretch of prose (long, with sentence
     * punctuation). Table cells are short or are names without punctuation.
     */
    static int mixedLines(List<PdfLine> lines) {
        int n = 0;
        for (PdfLine l : lines) {
            if (l.cells() < 2) continue;
            for (String cell : l.text().split("\t")) {
                if (cell.length() >= 15 && (cell.contains("，") || cell.contains("。") || cell.contains("；"))) { n++; break; }
            }
        }
        return n;
    }

    /**
     * One visual line: its text (cells joined by '\t'), how many cells, its left and right edges and typical glyph width;
     * {@code xs}/{@code xe} hold each character's left and right x (NaN for a '\t' or a space), or are null.
     */
    record PdfLine(String text, int cells, float left, float right, float em, float[] xs, float[] xe) {
        PdfLine(String text, int cells, float left, float right, float em) {
            this(text, cells, left, right, em, null, null);
        }
    }

    /** Collects PDFBox's words per line with their positions instead of writing text. */
    static final class LineStripper extends PDFTextStripper {
        List<PdfLine> lines = new ArrayList<>();
        /** PDFBox's words on the current line; only their boundaries are used, the text is rebuilt from glyphs. */
        private final List<String> words = new ArrayList<>();
        private final List<List<TextPosition>> positions = new ArrayList<>();
        private final GlyphXs glyphs = new GlyphXs();

        LineStripper(boolean sortByPosition) {
            setSortByPosition(sortByPosition);
            setSuppressDuplicateOverlappingText(true);
        }

        /** The lines of one page (1-based), or null when the page cannot be read. */
        List<PdfLine> page(PDDocument doc, int page) {
            setStartPage(page);
            setEndPage(page);
            lines = new ArrayList<>();
            words.clear();
            positions.clear();
            glyphs.clear();
            try {
                getText(doc);
            } catch (IOException | RuntimeException e) {
                return null;
            }
            return lines;
        }

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) {
            words.add(text);
            positions.add(new ArrayList<>(textPositions));
        }

        @Override
        protected void writeWordSeparator() {
            // words are joined in endLine, where the gap between them is known
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            endLine();
            super.endPage(page);
        }

        private void endLine() {
            if (words.isEmpty()) return;
            float em = em(positions);
            StringBuilder sb = new StringBuilder();
            int cells = 1;
            float prevEnd = Float.NaN;
            float left = Float.NaN;
            for (List<TextPosition> tp : positions) {
                if (!tp.isEmpty()) { left = tp.get(0).getXDirAdj(); break; }
            }
            // Rebuilt glyph by glyph: PDFs often write real spaces between table columns, so the gap has to be
            // measured between every two visible glyphs, not only between PDFBox's words.
            boolean pendingSpace = false;
            for (int i = 0; i < words.size(); i++) {
                if (i > 0) pendingSpace = true; // PDFBox's word boundary
                for (TextPosition t : positions.get(i)) {
                    String u = t.getUnicode();
                    if (u == null || u.isEmpty()) continue;
                    if (u.isBlank()) { pendingSpace = true; continue; }
                    if (!Float.isNaN(prevEnd)) {
                        float gap = t.getXDirAdj() - prevEnd;
                        // A gap of two glyphs or more separates table cells (or columns); a smaller one is a space.
                        // Right-aligned number columns sit closer: next to a number one glyph is enough.
                        boolean numbers = sb.length() > 0 && (isNumberChar(sb.charAt(sb.length() - 1)) || isNumberChar(u.charAt(0)));
                        if (gap > (numbers ? 1.0f : 2.0f) * em) {
                            sb.append('\t');
                            glyphs.gap();
                            cells++;
                        } else if (pendingSpace) {
                            sb.append(' ');
                            glyphs.gap();
                        }
                    }
                    pendingSpace = false;
                    sb.append(u);
                    glyphs.add(u.length(), t.getXDirAdj(), t.getXDirAdj() + t.getWidthDirAdj());
                    prevEnd = t.getXDirAdj() + t.getWidthDirAdj();
                }
            }
            // Collapse runs of spaces the PDF itself holds (justified or letter-spaced text), keeping each
            // character's x for the table grid (TableGrid).
            GlyphXs.Stripped line = glyphs.strip(sb);
            String text = line.text();
            if (!text.isEmpty()) {
                lines.add(new PdfLine(text, text.indexOf('\t') >= 0 ? cells : 1, Float.isNaN(left) ? 0 : left,
                        Float.isNaN(prevEnd) ? 0 : prevEnd, em, line.xs(), line.xe()));
            }
            glyphs.clear();
            words.clear();
            positions.clear();
        }

        private static boolean isNumberChar(char c) {
            return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ',' || c == '%';
        }

        private static void strip(StringBuilder sb) {
            while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') sb.setLength(sb.length() - 1);
        }

        /** Median glyph width of the line's CJK characters, else twice the median of all (digits are half-width). */
        private static float em(List<List<TextPosition>> positions) {
            List<Float> cjk = new ArrayList<>(), all = new ArrayList<>();
            for (List<TextPosition> tps : positions) {
                for (TextPosition t : tps) {
                    float w = t.getWidthDirAdj();
                    if (w <= 0) continue;
                    String u = t.getUnicode();
                    if (u != null && !u.isEmpty() && u.charAt(0) >= '\u3000') cjk.add(w); else all.add(w);
                }
            }
            if (!cjk.isEmpty()) return median(cjk);
            if (!all.isEmpty()) return 2 * median(all);
            return 10f;
        }

        private static float median(List<Float> v) {
            float[] a = new float[v.size()];
            for (int i = 0; i < a.length; i++) a[i] = v.get(i);
            Arrays.sort(a);
            return a[a.length / 2];
        }
    }
}
