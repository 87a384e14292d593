package figtrace.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the cells of a PDF table into columns by position, the way tabula's stream method does: the column
 * boundaries are the vertical strips of whitespace that no data row's glyph covers and that some row's cell break
 * crosses. Each row is then rewritten with one '\t' per column boundary, so an empty cell stays an empty cell
 * (结算补助 | 42,710 | | 42,626 keeps 42,626 under its own column instead of sliding left) and a header cell holding
 * two column titles (塔城地区 阿勒泰地区) is cut where a boundary runs through it.
 *
 * <p>Data rows (a number after the first cell) decide the boundaries; header cells that span several columns would
 * otherwise cover them. Rows without glyph positions are left as they are.
 */
final class TableGrid {
    private TableGrid() {}

    static void align(List<Row> rows, List<PdfLine> lines) {
        if (rows.size() != lines.size()) return;
        Map<Integer, List<Integer>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).table >= 0) byTable.computeIfAbsent(rows.get(i).table, k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> tables = new ArrayList<>(byTable.values());
        for (int t = 0; t < tables.size(); t++) {
            List<Integer> members = tables.get(t);
            if (t + 1 < tables.size() && headerOnly(lines, members) && !headerOnly(lines, tables.get(t + 1))
                    && headsNext(rows, members, tables.get(t + 1))) {
                // header rows that label-only lines cut from their body (2024 年 | 2025 年 / 决算数 | 预算数 / 金额 |
                // 占预算% | 增长%, then 一、国有土地使用权出让收入 … with no numbers, then the numbers: 济南 budget
                // PDFs) are laid on the body's grid, as the tables stage joins them into one table
                List<Integer> joined = new ArrayList<>(members);
                joined.addAll(tables.get(t + 1));
                alignTable(rows, lines, joined);
                t++;
                continue;
            }
            alignTable(rows, lines, members);
        }
    }

    private static boolean headerOnly(List<PdfLine> lines, List<Integer> members) {
        for (int i : members) if (isDataRow(lines.get(i).text())) return false;
        return true;
    }

    /** The next table starts on the same page a few lines (at most twenty) below the last row of this one. */
    private static boolean headsNext(List<Row> rows, List<Integer> members, List<Integer> next) {
        int last = members.get(members.size() - 1), first = next.get(0);
        return first > last && first - last <= 21 && rows.get(first).page == rows.get(last).page;
    }

    private static void alignTable(List<Row> rows, List<PdfLine> lines, List<Integer> members) {
        for (int i : members) if (lines.get(i).xs() == null || lines.get(i).text().length() != lines.get(i).xs().length) return;
        List<Integer> data = new ArrayList<>();
        for (int i : members) if (isDataRow(lines.get(i).text())) data.add(i);
        if (data.size() < 2) data = members;
        float[] seps = mergeComplementary(separators(lines, data), lines, data);
        if (seps.length == 0) return;
        for (int i : members) {
            String aligned = rewrite(lines.get(i), seps);
            if (aligned != null) rows.get(i).text = aligned;
        }
    }

    /** A row with a number in a cell after the first: its glyphs show where the columns are. */
    static boolean isDataRow(String text) {
        String[] cells = text.split("\t");
        // a running footer caught in the table (跟踪评级报告 | 8): its page number is no column
        if (java.util.Arrays.stream(cells).anyMatch(c -> c.strip().equals("|"))) return false;
        for (int k = 1; k < cells.length; k++) if (cells[k].strip().matches("[-+]?[0-9][0-9,.]*%?")) return true;
        return false;
    }

    /** Midpoints of the whitespace strips that separate columns, left to right. */
    private static float[] separators(List<PdfLine> lines, List<Integer> data) {
        float max = 0;
        for (int i : data) for (float x : lines.get(i).xe()) if (!Float.isNaN(x)) max = Math.max(max, x);
        int width = (int) Math.ceil(max) + 2;
        if (width <= 2 || width > 20000) return new float[0];
        int[] covered = new int[width];
        boolean[] broken = new boolean[width]; // a cell break ('\t') of some row spans this x
        // where glyphs of numbers end and glyphs of words begin: a right-aligned number column followed closely by a
        // left-aligned label column (96.1%  一、教育支出 in a two-sided table) leaves a narrow strip between them
        int[] numberEnds = new int[width], otherEnds = new int[width], wordStarts = new int[width], otherStarts = new int[width];
        for (int i : data) {
            PdfLine l = lines.get(i);
            String t = l.text();
            float prevEnd = Float.NaN;
            boolean tabSince = false;
            for (int c = 0; c < t.length(); c++) {
                if (t.charAt(c) == '\t') { tabSince = true; continue; }
                float a = l.xs()[c], b = l.xe()[c];
                if (Float.isNaN(a)) continue;
                boolean number = isNumberChar(t.charAt(c));
                int ea = Math.min(width - 1, Math.max(0, (int) Math.ceil(b - 0.5f))), sa = Math.min(width - 1, Math.max(0, (int) Math.floor(a + 0.5f)));
                if (number) numberEnds[ea]++; else otherEnds[ea]++;
                if (Character.isIdeographic(t.charAt(c)) || Character.isLetter(t.charAt(c))) wordStarts[sa]++; else otherStarts[sa]++;
                // shrink each glyph a little: glyph boxes of neighbouring columns may touch through side bearings
                for (int x = (int) Math.floor(a + 0.5f); x < (int) Math.ceil(b - 0.5f) && x < width; x++) if (x >= 0) covered[x]++;
                if (tabSince && !Float.isNaN(prevEnd)) {
                    for (int x = (int) Math.ceil(prevEnd); x < (int) Math.floor(a) && x < width; x++) if (x >= 0) broken[x] = true;
                }
                tabSince = false;
                prevEnd = b;
            }
        }
        // Glyphs are often narrower than their advance, so the rows of a left-aligned column leave thin strips at
        // the same x between their glyphs: a column gap is at least most of a glyph wide.
        List<Float> ems = new ArrayList<>();
        for (int i : data) ems.add(lines.get(i).em());
        ems.sort(Float::compare);
        float minGap = 0.6f * ems.get(ems.size() / 2);
        List<Float> out = new ArrayList<>();
        int x = 0;
        while (x < width) {
            if (covered[x] > 0) { x++; continue; }
            int from = x;
            boolean crossed = false;
            while (x < width && covered[x] == 0) { crossed |= broken[x]; x++; }
            // a strip at the very left or right edge is margin, not a boundary
            boolean wide = x - from >= minGap
                    || x - from >= minGap / 2 && numbersThenWords(from, x, minGap / 0.6f, numberEnds, otherEnds, wordStarts, otherStarts);
            if (crossed && from > 0 && x < width && wide) out.add((from + x) / 2f);
        }
        float[] seps = new float[out.size()];
        for (int k = 0; k < seps.length; k++) seps[k] = out.get(k);
        return seps;
    }

    /**
     * Drops each boundary whose two neighbouring columns are never both filled in one data row: such a strip lies
     * between ragged or centred cells of one column (合计 centred under left-aligned 代建项目, numbers of several
     * widths), not between two columns. Two real columns share rows: 96.1% | 一、教育支出 of a two-sided table.
     */
    static float[] mergeComplementary(float[] seps, List<PdfLine> lines, List<Integer> data) {
        float[] cur = seps;
        while (cur.length > 0) {
            boolean[] shared = new boolean[cur.length];
            for (int i : data) {
                String[] cells = rewrite(lines.get(i), cur).split("\t", -1);
                for (int k = 0; k + 1 < cells.length && k < cur.length; k++) {
                    if (!cells[k].isBlank() && !cells[k + 1].isBlank()) shared[k] = true;
                }
            }
            int drop = -1;
            for (int k = 0; k < cur.length && drop < 0; k++) if (!shared[k]) drop = k;
            if (drop < 0) break;
            float[] next = new float[cur.length - 1];
            for (int k = 0, j = 0; k < cur.length; k++) if (k != drop) next[j++] = cur[k];
            cur = next;
        }
        return cur;
    }

    /** Only number glyphs end within half an em left of the strip [from, to), and only words begin within half an em right of it. */
    private static boolean numbersThenWords(int from, int to, float em, int[] numberEnds, int[] otherEnds,
                                            int[] wordStarts, int[] otherStarts) {
        int numbers = 0, others = 0, words = 0, notWords = 0;
        for (int x = Math.max(0, from - (int) Math.ceil(em / 2)); x <= from && x < numberEnds.length; x++) {
            numbers += numberEnds[x];
            others += otherEnds[x];
        }
        for (int x = to; x < wordStarts.length && x <= to + (int) Math.floor(em / 2); x++) {
            words += wordStarts[x];
            notWords += otherStarts[x];
        }
        return numbers > 0 && others == 0 && words > 0 && notWords == 0;
    }

    private static boolean isNumberChar(char c) {
        return c >= '0' && c <= '9' || c == '%' || c == '.' || c == ',';
    }

    /** The row's text with one '\t' per column boundary; pieces in one column are joined by a space. */
    static String rewrite(PdfLine l, float[] seps) {
        String t = l.text();
        List<StringBuilder> cols = new ArrayList<>();
        for (int k = 0; k <= seps.length; k++) cols.add(new StringBuilder());
        int c = 0;
        while (c < t.length()) {
            if (t.charAt(c) == '\t' || t.charAt(c) == ' ') { c++; continue; }
            int end = c;
            while (end < t.length() && t.charAt(end) != '\t') end++;
            // a cell that a column boundary runs through holds two cells' text (塔城地区 阿勒泰地区, centred titles
            // wider than their numbers): cut it at the space nearest to each boundary
            int from = c;
            for (int cut : cuts(l, c, end, seps)) {
                place(l, from, cut, seps, cols);
                from = cut + 1;
            }
            place(l, from, end, seps, cols);
            c = end;
        }
        int last = cols.size() - 1;
        while (last > 0 && cols.get(last).length() == 0) last--;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k <= last; k++) {
            if (k > 0) out.append('\t');
            out.append(cols.get(k));
        }
        return out.toString();
    }

    private static void place(PdfLine l, int from, int to, float[] seps, List<StringBuilder> cols) {
        String t = l.text();
        while (from < to && t.charAt(from) == ' ') from++;
        while (to > from && t.charAt(to - 1) == ' ') to--;
        if (from >= to) return;
        float left = l.xs()[from], right = l.xe()[to - 1];
        StringBuilder into = cols.get(column((left + right) / 2f, seps));
        if (into.length() > 0) into.append(' ');
        into.append(t, from, to);
    }

    /** Spaces of the piece [from, to) to cut at: for each boundary inside its extent, the space nearest to it. */
    private static List<Integer> cuts(PdfLine l, int from, int to, float[] seps) {
        List<Integer> spaces = new ArrayList<>();
        String t = l.text();
        for (int k = from + 1; k < to - 1; k++) if (t.charAt(k) == ' ') spaces.add(k);
        if (spaces.isEmpty()) return List.of();
        float left = l.xs()[from], right = l.xe()[to - 1];
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (float s : seps) {
            if (s <= left || s >= right) continue;
            // of the spaces within about three glyphs of the boundary, the widest gap: the one between two titles
            // (2024 年（底）   2025 年（底）), not the word space inside one title; with none, the cell spans the columns
            int best = -1;
            float bestGap = -1, bestDist = Float.MAX_VALUE;
            for (int k : spaces) {
                float a = l.xe()[k - 1], b = l.xs()[k + 1];
                if (Float.isNaN(a) || Float.isNaN(b)) continue;
                float d = Math.abs((a + b) / 2f - s), gap = b - a;
                if (d > 3f * l.em()) continue;
                if (gap > bestGap + 0.1f * l.em() || Math.abs(gap - bestGap) <= 0.1f * l.em() && d < bestDist) {
                    bestGap = Math.max(gap, bestGap);
                    bestDist = d;
                    best = k;
                }
            }
            if (best >= 0) out.add(best);
        }
        return new ArrayList<>(out);
    }

    private static int column(float x, float[] seps) {
        int k = 0;
        while (k < seps.length && x > seps[k]) k++;
        return k;
    }
}
