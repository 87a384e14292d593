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

    static void align(List<Row> rows, List<PdfReader.PdfLine> lines) {
        if (rows.size() != lines.size()) return;
        Map<Integer, List<Integer>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).table >= 0) byTable.computeIfAbsent(rows.get(i).table, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> members : byTable.values()) alignTable(rows, lines, members);
    }

    private static void alignTable(List<Row> rows, List<PdfReader.PdfLine> lines, List<Integer> members) {
        for (int i : members) if (lines.get(i).xs() == null || lines.get(i).text().length() != lines.get(i).xs().length) return;
        List<Integer> data = new ArrayList<>();
        for (int i : members) if (isDataRow(lines.get(i).text())) data.add(i);
        if (data.size() < 2) data = members;
        float[] seps = separators(lines, data);
        if (seps.length == 0) return;
        // more columns than any row has cells means the strips are not column gaps (centred or ragged numbers):
        // keep the rows as read
        int widest = 0;
        for (int i : members) widest = Math.max(widest, lines.get(i).text().split("\t", -1).length);
        if (seps.length + 1 > widest) return;
        for (int i : members) {
            String aligned = rewrite(lines.get(i), seps);
            if (aligned != null) rows.get(i).text = aligned;
        }
    }

    /** A row with a number in a cell after the first: its glyphs show where the columns are. */
    static boolean isDataRow(String text) {
        String[] cells = text.split("\t");
        for (int k = 1; k < cells.length; k++) if (cells[k].strip().matches("[-+]?[0-9][0-9,.]*%?")) return true;
        return false;
    }

    /** Midpoints of the whitespace strips that separate columns, left to right. */
    private static float[] separators(List<PdfReader.PdfLine> lines, List<Integer> data) {
        float max = 0;
        for (int i : data) for (float x : lines.get(i).xe()) if (!Float.isNaN(x)) max = Math.max(max, x);
        int width = (int) Math.ceil(max) + 2;
        if (width <= 2 || width > 20000) return new float[0];
        int[] covered = new int[width];
        boolean[] broken = new boolean[width]; // a cell break ('\t') of some row spans this x
        for (int i : data) {
            PdfReader.PdfLine l = lines.get(i);
            String t = l.text();
            float prevEnd = Float.NaN;
            boolean tabSince = false;
            for (int c = 0; c < t.length(); c++) {
                if (t.charAt(c) == '\t') { tabSince = true; continue; }
                float a = l.xs()[c], b = l.xe()[c];
                if (Float.isNaN(a)) continue;
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
            if (crossed && from > 0 && x < width && x - from >= minGap) out.add((from + x) / 2f);
        }
        float[] seps = new float[out.size()];
        for (int k = 0; k < seps.length; k++) seps[k] = out.get(k);
        return seps;
    }

    /** The row's text with one '\t' per column boundary; pieces in one column are joined by a space. */
    static String rewrite(PdfReader.PdfLine l, float[] seps) {
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

    private static void place(PdfReader.PdfLine l, int from, int to, float[] seps, List<StringBuilder> cols) {
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
    private static List<Integer> cuts(PdfReader.PdfLine l, int from, int to, float[] seps) {
        List<Integer> spaces = new ArrayList<>();
        String t = l.text();
        for (int k = from + 1; k < to - 1; k++) if (t.charAt(k) == ' ') spaces.add(k);
        if (spaces.isEmpty()) return List.of();
        float left = l.xs()[from], right = l.xe()[to - 1];
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (float s : seps) {
            if (s <= left || s >= right) continue;
            int best = -1;
            float bestDist = Float.MAX_VALUE;
            for (int k : spaces) {
                float mid = (l.xe()[k - 1] + l.xs()[k + 1]) / 2f;
                if (Float.isNaN(mid)) continue;
                float d = Math.abs(mid - s);
                if (d < bestDist) { bestDist = d; best = k; }
            }
            // only a space within about three glyphs of the boundary; else the cell spans the columns
            if (best >= 0 && bestDist <= 3f * l.em()) out.add(best);
        }
        return new ArrayList<>(out);
    }

    private static int column(float x, float[] seps) {
        int k = 0;
        while (k < seps.length && x > seps[k]) k++;
        return k;
    }
}
