package figtrace.model;

import java.util.List;
import java.util.Map;

/**
 * What a document says about itself, for citing it (GB/T 7714: authors. title[J]. journal, year.). Every field may be
 * null (lists empty) when the document does not say it; the text wins over the file format's own metadata, which is
 * only a fallback.
 *
 * @param title        the title as printed, a title broken over lines joined again
 * @param authors      personal authors (paper authors, a report's speaker, a news byline), in printed order
 * @param organisation the authors' affiliation without its postal address
 * @param journal      the journal or newspaper the text appeared in
 * @param issuer       the body that issued it (和田地区统计局, 吴忠市财政局)
 * @param date         ISO yyyy-mm-dd, yyyy-mm or yyyy
 * @param docNumber    an official document number (新政办发〔2024〕12号) or an article number (文章编号)
 * @param keywords     the author's keywords
 * @param docKind      bulletin, budget, final accounts, rating report, paper, news, reply, report or other
 * @param sources      field name → where it came from: "text:line 3", "text:page 2 line 5", "format:title"
 */
public record DocumentMetadata(String title, List<String> authors, String organisation, String journal,
                               String issuer, String date, String docNumber, List<String> keywords, DocKind docKind,
                               Map<String, String> sources) {
    public DocumentMetadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        sources = sources == null ? Map.of() : OrderedMaps.copyOf(sources);
        if (docKind == null) docKind = DocKind.OTHER;
    }

    /** Nothing known (an empty or unreadable document). */
    public static DocumentMetadata empty() {
        return new DocumentMetadata(null, List.of(), null, null, null, null, null, List.of(), DocKind.OTHER, Map.of());
    }
}
