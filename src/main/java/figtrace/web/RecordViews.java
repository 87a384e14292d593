package figtrace.web;

import figtrace.store.SqliteRecordViews;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the entities and measures views read, and the stored line table used to cut PDF pages. Read-only; retired
 * documents (files gone from the corpus) are left out everywhere, and a store written before these records existed
 * answers with nothing. {@link SqliteRecordViews} answers from the run's database; another store implements the same.
 */
public interface RecordViews extends AutoCloseable {

    /** Largest page of groups or measures; the page shows 50. */
    int MAX_PAGE_SIZE = 500;

    /** The views over the run database {@code db}. */
    static RecordViews open(Path db) {
        return SqliteRecordViews.open(db);
    }

    /** Entity mentions matching the filters ({@code page} ≥ 0), grouped by canonical_id across documents, most mentioned first. */
    Map<String, Object> entities(String doc, String type, String text, int page, int size);

    /** One canonical entity: its mentions, and the figures linked to any of them; empty when no mention has it. */
    java.util.Optional<Map<String, Object>> entity(String canonicalId);

    /** Measures matching the filters ({@code page} ≥ 0) in document order, each with its linked figures and entities. */
    Map<String, Object> measures(String doc, String status, String instrument, String text, int page, int size);

    /** The [start, end) offsets of PDF page {@code page} of {@code doc} from the stored lines, or null when unknown. */
    int[] pageSpan(String doc, int page);

    @Override
    void close();
}
