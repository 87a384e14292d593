package figtrace.layout;

import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocumentText;
import figtrace.model.ParsedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PDF through PDFBox. Text per page in reading order (sorted by position); each visual line is a line. On top of
 * plain extraction: page numbers and running headers/footers are dropped, soft wraps are flagged
 * ({@code continues}), wide gaps between runs become '\t' cell breaks, and a page set without a usable text layer
 * is read by OCR ({@link PdfOcr}) where an {@link Ocr} engine is available, and otherwise gets NEEDS_OCR or
 * GARBLED_TEXT instead of junk.
 *
 * <p>Its parts: PDFBox's words collected per line with positions ({@link PdfLineStripper}, {@link PdfLine}), whether
 * the text layer can be used ({@link PdfTextLayer}), the lines laid out as rows ({@link PdfPageLayout}, with
 * {@link TableGrid} for the table ruling), and OCR ({@link PdfOcr}); this class opens the file, applies the limits and
 * decides each page's source and the document's status.
 */
final class PdfReader {
    private PdfReader() {}

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

        PdfLineStripper byPosition = new PdfLineStripper(true);
        PdfLineStripper byStream = new PdfLineStripper(false);
        List<List<PdfLine>> pages = new ArrayList<>(pageCount);
        List<Integer> failedPages = new ArrayList<>();
        for (int p = 1; p <= pageCount; p++) {
            List<PdfLine> lines = byPosition.page(doc, p);
            if (lines == null) {
                failedPages.add(p);
                lines = List.of();
            } else if (PdfTextLayer.mixedLines(lines) >= 3) {
                // Sorting by position runs side-by-side columns (a sidebar beside the text) into one line. The
                // content stream usually draws each column (text box) in turn, so read the page in that order
                // instead when it mixes fewer lines.
                List<PdfLine> inStreamOrder = byStream.page(doc, p);
                if (inStreamOrder != null && PdfTextLayer.mixedLines(inStreamOrder) < PdfTextLayer.mixedLines(lines)) lines = inStreamOrder;
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
        PdfTextLayer.noTextPages(doc, pages, noText, imageOnly);

        // Pages without a usable text layer (scans; all pages when the text layer is garbled) are read by OCR.
        Map<String, List<OcrLines.Placed>> ocrIndex = OcrLines.newIndex();
        figtrace.model.OcrRun ocrRun = null;
        boolean garbled = noText.size() < pageCount && PdfTextLayer.isGarbled(PdfTextLayer.allText(pages));
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
            PdfTextLayer.noTextPages(doc, pages, noText, imageOnly);
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

        String all = PdfTextLayer.allText(pages);
        if (PdfTextLayer.isGarbled(all)) {
            return new ParsedDocument(DocumentText.empty(), pageCount, DocStatus.GARBLED_TEXT, List.of(new DocIssue("garbled_text",
                    name + ": the PDF has a text layer but it is unusable (" + PdfTextLayer.describe(all) + "): its fonts map glyphs "
                            + "to the wrong characters, although the pages look right. Nothing was extracted"
                            + (ocr.available() ? "" : "; " + ocr.unavailableReason()))), meta);
        }
        // Blank pages (no text, no image) are normal; image pages without text are scans whose figures are missed.
        if (!imageOnly.isEmpty()) {
            issues.add(new DocIssue("pages_without_text", name + ": page(s) " + ranges(imageOnly) + " of " + pageCount
                    + " have no text layer (scanned images); figures on them are missing" + install));
        }

        List<Row> rows = PdfPageLayout.layOut(pages);
        DocumentText text = Lines.build(rows);
        if (!ocrIndex.isEmpty()) {
            text = new DocumentText(text.text(), text.lines(), OcrLines.place(text, rows, ocrIndex, ocr.dpi()));
        }
        DocStatus status = issues.isEmpty() ? DocStatus.OK : DocStatus.OK_WITH_ISSUES;
        if (text.isBlank()) status = DocStatus.EMPTY_TEXT;
        return new ParsedDocument(text, pageCount, status, issues, meta, ocrRun);
    }

    private static List<Integer> allPages(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int p = 1; p <= count; p++) all.add(p);
        return all;
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

}
