package figtrace.review;

import java.util.Map;

/**
 * A stored document as the review page and citations need it.
 *
 * @param type     the sniffed type code: txt, html, pdf, docx, doc
 * @param metadata what the format carried (title, author, created, date, journal, …), keys lower-case
 */
public record DocumentInfo(String doc, String sha256, String type, Integer pages, String status,
                           Map<String, String> metadata) {
    public DocumentInfo {
        metadata = figtrace.model.OrderedMaps.copyOf(metadata);
    }

    public boolean paged() { return "pdf".equals(type); }
}
