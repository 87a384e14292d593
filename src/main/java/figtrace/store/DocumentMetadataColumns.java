package figtrace.store;

import java.util.List;
import java.util.Map;

/**
 * The document metadata figtrace knows, as fixed columns: the same names, in the same order, in documents.csv and in
 * the database's {@code documents} table (migration 007), whatever the corpus, so a script reading them never has to
 * guess which columns this run happened to produce. A document that does not say a field has an empty cell / NULL.
 */
public final class DocumentMetadataColumns {
    private DocumentMetadataColumns() {}

    /** Citation fields (DocumentMetadata), then the document context (kind, own region, period). */
    public static final List<String> ALL = List.of("title", "author", "organisation", "journal", "issuer", "date",
            "doc_number", "keywords", "doc_kind", "own_region", "region_code", "region_source", "period");

    /**
     * One field's value from the stored metadata map, or null when absent or blank. Keys differ by format: DOCX and
     * PDF say "created" where HTML says "date", so the format's creation date is the fallback for "date".
     */
    public static String value(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null && key.equals("date")) value = metadata.get("created");
        return value == null || value.isBlank() ? null : value;
    }
}
