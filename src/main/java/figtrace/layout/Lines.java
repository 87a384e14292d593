package figtrace.layout;

import figtrace.model.DocumentText;
import figtrace.model.TextLine;

import java.util.ArrayList;
import java.util.List;

/** Lays rows out as one text with '\n' between lines, and numbers them (per page for paged formats). */
final class Lines {
    private Lines() {}

    static DocumentText build(List<Row> rows) {
        StringBuilder text = new StringBuilder();
        List<TextLine> lines = new ArrayList<>(rows.size());
        int page = Integer.MIN_VALUE, number = 0;
        for (Row r : rows) {
            if (r.page != page) {
                page = r.page;
                number = 0;
            }
            number++;
            if (!lines.isEmpty()) text.append('\n');
            int start = text.length();
            // A line never holds a line break: that is what keeps offsets and line numbers in step.
            text.append(r.text.replace('\n', ' ').replace('\r', ' '));
            lines.add(new TextLine(r.page, number, start, text.length(), r.continues, r.table));
        }
        return new DocumentText(text.toString(), lines);
    }

    /**
     * Marks runs of at least two consecutive tabular rows (on the same page) as tables, numbering tables from
     * {@code firstIndex}. Rows that already carry a table index keep it. Returns the next free table index.
     */
    static int markTabularRuns(List<Row> rows, int firstIndex) {
        int next = firstIndex;
        int i = 0;
        while (i < rows.size()) {
            Row r = rows.get(i);
            if (!r.tabular || r.table >= 0) { i++; continue; }
            int j = i;
            while (j + 1 < rows.size() && rows.get(j + 1).tabular && rows.get(j + 1).table < 0
                    && rows.get(j + 1).page == r.page) j++;
            if (j > i) {
                for (int k = i; k <= j; k++) rows.get(k).table = next;
                next++;
            }
            i = j + 1;
        }
        return next;
    }

    static int maxTable(List<Row> rows) {
        int max = -1;
        for (Row r : rows) max = Math.max(max, r.table);
        return max;
    }
}
