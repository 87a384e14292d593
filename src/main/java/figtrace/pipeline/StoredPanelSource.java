package figtrace.pipeline;

import figtrace.panel.PanelSource;
import figtrace.panel.PanelSources;
import figtrace.review.ReviewStatus;
import figtrace.review.ReviewedFigure;
import figtrace.store.DocumentRow;
import figtrace.store.Store;

import java.util.Map;
/**
 * A stored figure as the panel reads it ({@link figtrace.panel.PanelSource}): its review applied, its document's kind
 * and region, and the two pieces of the document's text the panel rules look at, the title of a table cell's table
 * and the sentence before a figure that opens with a part (其中：…).
 */
public final class StoredPanelSource {

    private StoredPanelSource() {}

    /** The panel source of one stored figure, or null when it does not enter the panel. */
    static PanelSource of(PanelSources sources, Store store, Map<String, DocumentRow> docs,
                         Map<String, String> texts, ReviewedFigure f) {
        DocumentRow doc = docs.get(f.figure().doc());
        if (doc == null || doc.retired()) return null;
        ReviewStatus status = f.review().status();
        Map<String, Object> columns = f.review().apply(f.figure());
        String rule = f.figure().rule();
        String title = rule != null && rule.contains("table")
                ? tableTitle(textOf(store, texts, f.figure().doc()), f.figure().charStart()) : null;
        String before = sources.opensWithPart(f.figure().quote())
                ? sentenceBefore(textOf(store, texts, f.figure().doc()), f.figure().charStart()) : null;
        return sources.of(columns, doc.metadata().get("doc_kind"), doc.metadata().get("own_region"),
                title, before, f.figure().spanStart(), status == ReviewStatus.ACCEPTED || status == ReviewStatus.CORRECTED,
                status == ReviewStatus.REJECTED);
    }

    /** The text of {@code doc}, kept in {@code last} until another document's is asked for. */
    private static String textOf(Store store, Map<String, String> last, String doc) {
        if (!last.containsKey(doc)) {
            last.clear();
            last.put(doc, store.documentText(doc).orElse(null));
        }
        return last.get(doc);
    }

    /** The sentence that ends right before {@code at} (after the 。；！？ before it), or null. */
    public static String sentenceBefore(String text, int at) {
        if (text == null || at <= 0 || at > text.length()) return null;
        int end = at;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (end == 0) return null;
        int start = end - 1;
        while (start > 0 && "。；！？".indexOf(text.charAt(start - 1)) < 0 && end - start < 400) start--;
        return text.substring(start, end);
    }

    /**
     * The title of the table a cell at {@code rowStart} belongs to: the nearest line above it that is no table row (no
     * tab-separated cells) and names a table (表: 2025年市本级一般公共预算收入执行情况表), within 60 lines; null when
     * there is none. Header rows (项目 预算数 执行数) and unit notes are passed over.
     */
    static String tableTitle(String text, int rowStart) {
        if (text == null || rowStart <= 0 || rowStart > text.length()) return null;
        int end = text.lastIndexOf('\n', rowStart - 1);
        for (int n = 0; n < 60 && end > 0; n++) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(start, end).strip();
            end = start - 1;
            if (line.isEmpty() || line.contains("\t") || !line.contains("表")) continue;
            return line.length() > 200 ? line.substring(line.length() - 200) : line;
        }
        return null;
    }
}
