package figtrace.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a stage needs to know about the document as a whole, made once per document by the pipeline and handed
 * to every stage: its text, what it says about itself, the region it is about, the period it reports on and its kind.
 * Immutable. There is no default region: a document that does not say where it is about has none.
 *
 * @param source         the file as read
 * @param text           the document's text with line provenance
 * @param metadata       title, authors, issuer, date … read from the text (the format's values as fallback)
 * @param formatMetadata what the file format itself carries (title, author, created …), keys lower-case
 * @param ownRegion      the region the document is about, or null when it does not say
 * @param regionSource   where the own region was read: title, issuer, first lines or mentions; null when none
 * @param period         the period it reports on
 * @param kind           bulletin, budget, final accounts, rating report, paper, news, reply, report or other
 */
public record DocumentContext(SourceFile source, DocumentText text, DocumentMetadata metadata,
                              Map<String, String> formatMetadata, Place ownRegion, String regionSource,
                              ReportPeriod period, DocKind kind) {
    public DocumentContext {
        formatMetadata = formatMetadata == null ? Map.of() : OrderedMaps.copyOf(formatMetadata);
        if (metadata == null) metadata = DocumentMetadata.empty();
        if (period == null) period = ReportPeriod.unknown();
        if (kind == null) kind = DocKind.OTHER;
    }

    /** The own region's standard name (鹤壁市), or null. */
    public String ownRegionName() { return ownRegion == null ? null : ownRegion.name(); }

    /** The own region's official name (新疆维吾尔自治区, 鹤壁市), or null. */
    public String ownRegionOfficial() { return ownRegion == null ? null : ownRegion.official(); }

    /**
     * The fields stored with the document (documents.csv, the database's metadata column): the format's values under
     * format_title/format_author where the text gives its own, then what the text says, then the context.
     */
    public Map<String, String> storedFields() {
        Map<String, String> out = new LinkedHashMap<>();
        formatMetadata.forEach((k, v) -> out.put(k.equals("title") || k.equals("author") ? "format_" + k : k, v));
        put(out, "title", metadata.title());
        put(out, "author", metadata.authors().isEmpty() ? null : String.join(", ", metadata.authors()));
        put(out, "organisation", metadata.organisation());
        put(out, "journal", metadata.journal());
        put(out, "issuer", metadata.issuer());
        put(out, "date", metadata.date());
        put(out, "doc_number", metadata.docNumber());
        put(out, "keywords", metadata.keywords().isEmpty() ? null : String.join("; ", metadata.keywords()));
        put(out, "doc_kind", kind.code());
        put(out, "own_region", ownRegion == null ? null : ownRegion.name());
        put(out, "region_code", ownRegion == null ? null : ownRegion.code());
        put(out, "region_source", regionSource);
        put(out, "period", period.label());
        return out;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) map.put(key, value);
    }
}
