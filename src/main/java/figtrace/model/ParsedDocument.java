package figtrace.model;

import java.util.List;
import java.util.Map;

/**
 * What the layout stage made of one file: its text with line provenance, a status and the issues behind it, and the
 * metadata the format carries (title, author, created, …; keys are lower-case).
 *
 * @param pages number of pages for paged formats, null otherwise
 * @param ocr   what OCR of its pages cost (for the log), or null when no page was read by OCR
 */
public record ParsedDocument(DocumentText text, Integer pages, DocStatus status, List<DocIssue> issues,
                             Map<String, String> metadata, OcrRun ocr) {
    public ParsedDocument {
        issues = List.copyOf(issues);
        metadata = OrderedMaps.copyOf(metadata);
    }

    public ParsedDocument(DocumentText text, Integer pages, DocStatus status, List<DocIssue> issues,
                          Map<String, String> metadata) {
        this(text, pages, status, issues, metadata, null);
    }

    public static ParsedDocument failed(DocStatus status, DocIssue issue) {
        return new ParsedDocument(DocumentText.empty(), null, status, List.of(issue), Map.of());
    }
}
