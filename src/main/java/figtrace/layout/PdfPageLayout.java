package figtrace.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A PDF's pages of lines ({@link PdfLine}) laid out as rows: page numbers and running headers/footers dropped, soft
 * wraps flagged ({@code continues}) from the page's margins, cells tab-separated and table rows placed on the table
 * grid ({@link TableGrid}). Pure: geometry in, rows out; {@link PdfReader} and OCR pages ({@link OcrLines}) use it.
 */
final class PdfPageLayout {
    private PdfPageLayout() {}

    /** A page number on its own: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 20 页", "3/20", "Page 3 of 20". */
    static final Pattern PAGE_NUMBER = Pattern.compile(
            "^[\\s\\-—–－―~·•]*(第\\s*|(?i:page)\\s*)?\\d{1,4}(\\s*页)?(\\s*(/|共|(?i:of))\\s*\\d{1,4}\\s*页?)?[\\s\\-—–－―~·•]*$");
    private static final String SENTENCE_END = "。；！？：.;!?:";

    /** Turns the pages' lines into rows: furniture dropped, cells tab-separated, soft wraps and tables marked. */
    static List<Row> layOut(List<List<PdfLine>> pages) {
        boolean[][] furniture = furniture(pages);
        List<Row> rows = new ArrayList<>();
        List<PdfLine> rowLines = new ArrayList<>(); // the line each row came from, for the table grid
        for (int p = 0; p < pages.size(); p++) {
            List<PdfLine> lines = pages.get(p);
            List<Row> pageRows = new ArrayList<>();
            List<PdfLine> kept = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (furniture[p][i]) continue;
                PdfLine l = lines.get(i);
                Row r = new Row(p + 1, l.text());
                r.tabular = l.cells() > 1;
                pageRows.add(r);
                kept.add(l);
            }
            // The right margin of the page's prose: the widest line that is not a table row.
            float right = rightMargin(kept), left = Float.MAX_VALUE;
            for (PdfLine l : kept) if (l.cells() == 1) left = Math.min(left, l.left());
            for (int i = 0; i < kept.size(); i++) {
                PdfLine l = kept.get(i);
                String t = pageRows.get(i).text;
                char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
                // A line that spans the text column to the right margin without ending its sentence wraps softly
                // into the next one (first lines of paragraphs are indented by two glyphs, so allow that at the left).
                // A column of a two-column page starts further right, hence the width test beside the left one.
                pageRows.get(i).continues = l.cells() == 1 && right > 0 && l.right() >= right - 1.5f * l.em()
                        && (l.left() <= left + 2.5f * l.em() || l.right() - l.left() >= 12 * l.em())
                        && SENTENCE_END.indexOf(last) < 0
                        // the paragraph goes on at the same left edge (or two glyphs left of an indented first line);
                        // a centred title followed by a right-aligned 单位 line does not
                        && (i + 1 >= kept.size() || (kept.get(i + 1).left() >= l.left() - 3.5f * l.em()
                                && kept.get(i + 1).left() <= l.left() + 1f * l.em()));
            }
            rows.addAll(pageRows);
            rowLines.addAll(kept);
        }
        // The last line of the document cannot continue.
        if (!rows.isEmpty()) rows.get(rows.size() - 1).continues = false;
        bridgeShortGaps(rows);
        Lines.markTabularRuns(rows, 0);
        TableGrid.align(rows, rowLines);
        // Table rows never wrap into prose, and a line followed by a table (a table's title) does not run into it.
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.table >= 0 || (i + 1 < rows.size() && rows.get(i + 1).table >= 0)) r.continues = false;
        }
        return rows;
    }

    /**
     * The right edge of the text column: the rightmost edge that at least three prose lines reach (within a glyph),
     * so one overlong line (a chart axis, a URL) does not move it. Falls back to the rightmost edge.
     */
    static float rightMargin(List<PdfLine> lines) {
        List<PdfLine> prose = new ArrayList<>();
        for (PdfLine l : lines) if (l.cells() == 1) prose.add(l);
        prose.sort((a, b) -> Float.compare(b.right(), a.right()));
        for (PdfLine candidate : prose) {
            int reach = 0;
            for (PdfLine l : prose) if (Math.abs(l.right() - candidate.right()) <= candidate.em()) reach++;
            if (reach >= 3) return candidate.right();
        }
        return prose.isEmpty() ? 0 : prose.get(0).right();
    }

    /**
     * A short line between two tabular lines on the same page is part of the table too (a header cell wrapped onto
     * its own line, a label row with one cell), so one table is not cut in two.
     */
    static void bridgeShortGaps(List<Row> rows) {
        for (int i = 1; i + 1 < rows.size(); i++) {
            Row prev = rows.get(i - 1), r = rows.get(i), next = rows.get(i + 1);
            if (!r.tabular && prev.tabular && next.tabular && prev.page == r.page && next.page == r.page
                    && r.text.length() <= 20) r.tabular = true;
        }
        // A row label wrapped over lines above and below its number line (指标文件 names of three lines, a 备注 of two:
        // 石嘴山 budget 表九, 表十, 表二十二; 吴忠 p124 其他地方自行试点项目收益专项债券收入安排的支出) leaves its number
        // line alone between label-only lines (the end of one label and the start of the next: up to eight short lines
        // in 石嘴山 表十) between two lines of figures belong to the table, unless one is a caption, a 单位 line or ends
        // a sentence.
        for (int i = 1; i + 1 < rows.size(); i++) {
            Row prev = rows.get(i - 1);
            // after a line of figures only: lines under a header line are the header's own (企业职工 / 基本养老 /
            // 保险基金 over a 吴忠 social-insurance table), laid out with it by the tables stage
            if (!prev.tabular || rows.get(i).tabular || !TableGrid.isDataRow(prev.text)) continue;
            int j = i;
            while (j < rows.size() && j - i < MAX_WRAPPED_LABEL_LINES && !rows.get(j).tabular && wrappedLabel(rows.get(j), prev.page)) j++;
            if (j < rows.size() && j > i && rows.get(j).tabular && rows.get(j).page == prev.page
                    && TableGrid.isDataRow(rows.get(j).text)) {
                for (int k = i; k < j; k++) rows.get(k).tabular = true;
            }
        }
    }

    private static final int MAX_WRAPPED_LABEL_LINES = 8;
    private static final Pattern NOT_A_LABEL = Pattern.compile("^\\s*(?:附|图)?表\\s*(?:[0-9０-９]+|[一二三四五六七八九十百]+)|单位\\s*[:：]|[。；;]\\s*$");

    /** A short line that can be part of a wrapped row label: no caption, 单位 line or sentence end, on the same page. */
    private static boolean wrappedLabel(Row r, int page) {
        String t = r.text.strip();
        return r.page == page && !t.isEmpty() && t.length() <= 30 && !NOT_A_LABEL.matcher(t).find();
    }

    /**
     * Page furniture: page numbers and running headers/footers. Only the first and last two lines of a page are
     * candidates; a header is a short line (digits ignored) seen at the top or bottom of at least half of the pages.
     */
    static boolean[][] furniture(List<List<PdfLine>> pages) {
        boolean[][] drop = new boolean[pages.size()][];
        Map<String, Integer> seen = new HashMap<>();
        for (List<PdfLine> lines : pages) {
            for (String k : new java.util.HashSet<>(edgeKeys(lines))) seen.merge(k, 1, Integer::sum);
        }
        int textPages = (int) pages.stream().filter(l -> !l.isEmpty()).count();
        for (int p = 0; p < pages.size(); p++) {
            List<PdfLine> lines = pages.get(p);
            drop[p] = new boolean[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                if (!isEdge(i, lines.size())) continue;
                PdfLine l = lines.get(i);
                if (l.cells() > 1) continue; // table header rows repeat on every page of a long table: keep them
                if (PAGE_NUMBER.matcher(l.text()).matches()) { drop[p][i] = true; continue; }
                String k = key(l.text());
                if (k != null && textPages >= 3 && seen.getOrDefault(k, 0) >= Math.max(3, (textPages + 1) / 2)) drop[p][i] = true;
            }
        }
        return drop;
    }

    private static boolean isEdge(int i, int n) { return i < 2 || i >= n - 2; }

    private static List<String> edgeKeys(List<PdfLine> lines) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!isEdge(i, lines.size()) || lines.get(i).cells() > 1) continue;
            String k = key(lines.get(i).text());
            if (k != null) keys.add(k);
        }
        return keys;
    }

    /** Running-header key: digits folded, spaces gone; null for lines that must never be dropped. */
    private static String key(String text) {
        String k = text.replaceAll("\\s+", "").replaceAll("\\d+", "#");
        if (k.isEmpty() || k.length() > 40 || k.contains("单位")) return null;
        return k;
    }
}
