package figtrace.figures;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a text worth matching figure rules against: windows around every run of numerals (Arabic or
 * Chinese), wide enough for the context a rule reads before the number (第, 翻, ±) and for the unit after it.
 */
final class NumeralWindows {
    static final int BEFORE = 8, AFTER = 24;

    private NumeralWindows() {}

    static List<int[]> of(String t) {
        List<int[]> windows = new ArrayList<>();
        int i = 0, n = t.length();
        while (i < n) {
            if (!isNumeral(t.charAt(i))) { i++; continue; }
            int j = i;
            while (j < n && (isNumeral(t.charAt(j)) || t.charAt(j) == '.' || t.charAt(j) == ',')) j++;
            int from = Math.max(0, i - BEFORE), to = Math.min(n, j + AFTER);
            int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && from <= last[1]) last[1] = to; else windows.add(new int[]{from, to});
            i = j;
        }
        return windows;
    }

    private static boolean isNumeral(char c) {
        return c >= '0' && c <= '9' || "零〇一二两三四五六七八九十百千万亿".indexOf(c) >= 0;
    }
}
