package figtrace.layout;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks an HTML page's DOM collecting block texts as rows ({@link HtmlReader}): inline text is concatenated as is,
 * data tables become one row per table row with cells separated by '\t', whitespace collapses as a browser shows it.
 */
final class HtmlWalker {
    final List<Row> rows = new ArrayList<>();
    private final StringBuilder cur = new StringBuilder();
    private int nextTable = 0;

    /** Walks a subtree without recursion (pages nest thousands of spans deep). */
    void walk(Node root) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    cur.append(t.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) return FilterResult.CONTINUE;
                String tag = e.normalName();
                if (HtmlReader.SKIP.contains(tag) || HtmlReader.TOC_STYLE.matcher(e.className()).find()) return FilterResult.SKIP_ENTIRELY;
                if (tag.equals("br")) { flush(); return FilterResult.SKIP_ENTIRELY; }
                if (tag.equals("pre")) {
                    // Preformatted text keeps its line breaks: each source line is a line.
                    flush();
                    for (String line : e.wholeText().split("\r?\n")) {
                        cur.append(line);
                        flush();
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("table") && HtmlReader.isDataTable(e)) {
                    flush();
                    emitTable(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (HtmlReader.BLOCK.contains(tag)) flush();
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && HtmlReader.BLOCK.contains(e.normalName())) flush();
                return FilterResult.CONTINUE;
            }
        }, root);
    }

    void flush() {
        // A paragraph holding a table row flattened by its cells' tabs (项目\t播种面积\t比上年增长) keeps them
        // as cell breaks; tabs that only indent the HTML source (next to a line break) are whitespace.
        List<String> cells = flattenedCells(cur);
        // strip() also takes the ideographic spaces (U+3000) Chinese pages indent paragraphs with.
        String s = cells == null ? collapse(cur).strip() : String.join("\t", cells);
        cur.setLength(0);
        if (s.isEmpty()) return;
        Row row = new Row(0, s);
        row.tabular = cells != null;
        rows.add(row);
    }

    /** The cells of a paragraph whose text separates cells by tabs, or null when it is prose. */
    static List<String> flattenedCells(CharSequence raw) {
        String t = raw.toString();
        int tab = t.indexOf('\t');
        if (tab < 0) return null;
        List<String> cells = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= t.length(); i++) {
            if (i < t.length() && t.charAt(i) != '\t') continue;
            if (i < t.length()) {
                // a tab in a run of whitespace holding a line break is source indentation
                int a = i, b = i;
                while (a > 0 && isSpace(t.charAt(a - 1))) a--;
                while (b + 1 < t.length() && isSpace(t.charAt(b + 1))) b++;
                String run = t.substring(a, b + 1);
                if (run.indexOf('\n') >= 0 || run.indexOf('\r') >= 0) continue;
            }
            cells.add(collapse(t.substring(from, Math.min(i, t.length()))).strip());
            from = i + 1;
        }
        while (!cells.isEmpty() && cells.get(0).isEmpty()) cells.remove(0);
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) cells.remove(cells.size() - 1);
        long filled = cells.stream().filter(c -> !c.isEmpty()).count();
        return filled >= 2 ? cells : null;
    }

    /**
     * One row per {@code <tr>}, cells separated by '\t', laid on the table's grid: a cell spanning k columns
     * (colspan) is followed by k-1 empty cells, and the rows under a cell spanning m rows (rowspan) get an empty
     * cell in its place, so every cell keeps its column.
     */
    private void emitTable(Element table) {
        int index = nextTable++;
        boolean any = false;
        Map<Integer, Integer> spannedUntil = new HashMap<>(); // column → last row index a rowspan covers
        int r = -1;
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) continue; // a row of a one-cell wrapper inside a cell
            r++;
            List<String> cells = new ArrayList<>();
            boolean nonEmpty = false;
            int col = 0;
            for (Element cell : tr.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) continue;
                while (spannedUntil.getOrDefault(col, -1) >= r) { cells.add(""); col++; }
                String c = cellText(cell);
                nonEmpty |= !c.isEmpty();
                int colspan = span(cell.attr("colspan")), rowspan = span(cell.attr("rowspan"));
                for (int k = 0; k < colspan; k++) {
                    cells.add(k == 0 ? c : "");
                    if (rowspan > 1) spannedUntil.put(col, r + rowspan - 1);
                    col++;
                }
            }
            while (spannedUntil.getOrDefault(col, -1) >= r && col < 200) { cells.add(""); col++; }
            if (!nonEmpty) continue;
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) cells.remove(cells.size() - 1);
            rows.add(new Row(0, String.join("\t", cells), index));
            any = true;
        }
        if (!any) nextTable--;
    }

    /** A colspan or rowspan attribute: 1 when missing or odd, at most 50. */
    private static int span(String attr) {
        try {
            int n = Integer.parseInt(attr.strip());
            return n < 1 ? 1 : Math.min(n, 50);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A cell's blocks joined by a space: a cell is one value, but its paragraphs must not run together. */
    private static String cellText(Element cell) {
        HtmlWalker w = new HtmlWalker();
        for (Node c : cell.childNodes()) w.walk(c);
        w.flush();
        StringBuilder sb = new StringBuilder();
        for (Row r : w.rows) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(r.text.replace('\t', ' '));
        }
        return sb.toString();
    }

    /**
     * Collapses whitespace the way a browser shows it: a run becomes one space, except a run holding a line break
     * next to a CJK character, which shows as nothing (Word HTML breaks source lines inside Chinese sentences).
     * &amp;nbsp; is a space. Leading and trailing whitespace goes.
     */
    static String collapse(CharSequence in) {
        StringBuilder out = new StringBuilder(in.length());
        int n = in.length();
        int i = 0;
        while (i < n) {
            char c = in.charAt(i);
            if (isSpace(c)) {
                int j = i;
                boolean lineBreak = false;
                while (j < n && isSpace(in.charAt(j))) {
                    lineBreak |= in.charAt(j) == '\n' || in.charAt(j) == '\r';
                    j++;
                }
                boolean atEdge = out.length() == 0 || j == n;
                boolean cjkBeside = (out.length() > 0 && isCjk(out.charAt(out.length() - 1))) || (j < n && isCjk(in.charAt(j)));
                if (!atEdge && !(lineBreak && cjkBeside)) out.append(' ');
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') end--;
        return out.substring(0, end);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0' || c == '\u200B';
    }

    static boolean isCjk(char c) {
        return (c >= '\u3000' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFF00' && c <= '\uFFEF');
    }
}
