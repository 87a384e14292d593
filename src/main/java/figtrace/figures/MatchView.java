package figtrace.figures;

import figtrace.model.DocumentText;
import figtrace.model.TextLine;

/**
 * The text rules are matched against: the document text normalised (full-width digits, letters and symbols made
 * ASCII; spaces between a number and Chinese text dropped; soft-wrapped lines joined), with a map from every
 * character back to its offset in {@link DocumentText#text()}. Records point at the original through this map, so
 * normalising never costs provenance.
 *
 * <p>Lines marked in {@code skip} (table rows, reference lists) become a bare line break: they keep sentences
 * apart but yield nothing.
 */
final class MatchView {
    final String text;
    private final int[] toSource;

    private MatchView(String text, int[] toSource) {
        this.text = text;
        this.toSource = toSource;
    }

    static MatchView of(DocumentText doc, boolean[] skip) {
        String src = doc.text();
        StringBuilder out = new StringBuilder(src.length());
        int[] map = new int[src.length() + 2];
        int pendingSpace = -1; // offset of a run of spaces not yet written
        int pendingCount = 0;  // how many spaces the run has
        boolean spacedDigits = false; // inside letter-spaced digits (2 2 . 1 %) from a justified PDF line
        boolean[] broken = brokenSentences(doc, skip);
        for (int li = 0; li < doc.lines().size(); li++) {
            TextLine line = doc.lines().get(li);
            if (!skip[li]) {
                for (int i = line.start(); i < line.end(); i++) {
                    char c = normalise(src.charAt(i));
                    if (c == ' ') {
                        if (pendingSpace < 0) pendingSpace = i;
                        pendingCount++;
                        continue;
                    }
                    if (pendingSpace >= 0) {
                        char prev = out.length() == 0 ? '\n' : out.charAt(out.length() - 1);
                        char before = out.length() < 2 ? ' ' : out.charAt(out.length() - 2);
                        // single spaces between single digits are letter-spacing, not separators
                        boolean letterSpaced = pendingCount == 1 && isDigitish(prev) && isDigitish(c)
                                && (spacedDigits || !isDigitish(before));
                        spacedDigits = letterSpaced;
                        if (prev != '\n' && !letterSpaced && !dropSpaceBetween(prev, c)) {
                            map[out.length()] = pendingSpace;
                            out.append(' ');
                        }
                        pendingSpace = -1;
                        pendingCount = 0;
                    } else if (!isDigitish(c)) {
                        spacedDigits = false;
                    }
                    map[out.length()] = i;
                    out.append(c);
                }
            }
            if ((line.continues() || broken[li]) && !skip[li]) {
                // a soft wrap: the paragraph goes on; a space at the join is decided by the next character
                if (pendingSpace < 0) pendingSpace = line.end();
            } else {
                pendingSpace = -1;
                pendingCount = 0;
                spacedDigits = false;
                map[out.length()] = Math.min(line.end(), src.length());
                out.append('\n');
            }
        }
        map[out.length()] = src.length();
        return new MatchView(out.toString(), map);
    }

    /**
     * Lines after which a sentence goes on past blank lines: a long line that stops in the middle of a sentence (no
     * closing punctuation) followed by a line that starts with a Chinese character. Text converted from PDF breaks
     * paragraphs like this (自治区科技成果 / (blank) / 转化示范专项548项).
     */
    private static boolean[] brokenSentences(DocumentText doc, boolean[] skip) {
        int n = doc.lines().size();
        boolean[] broken = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (skip[i] || doc.lines().get(i).continues()) continue;
            String s = doc.lineText(doc.lines().get(i)).strip();
            int unitLine = numberCutFromUnit(doc, skip, i, s);
            if (unitLine > 0) {
                for (int k = i; k < unitLine; k++) broken[k] = true;
                continue;
            }
            if (s.length() < 40 || !isIdeograph(s.charAt(s.length() - 1))) continue;
            int j = i + 1;
            while (j < n && doc.lineText(doc.lines().get(j)).isBlank()) j++;
            if (j == i + 1 || j >= n || skip[j]) continue;
            String next = doc.lineText(doc.lines().get(j)).strip();
            if (next.length() < 20 || !isIdeograph(next.charAt(0))) continue;
            for (int k = i; k < j; k++) broken[k] = true;
        }
        return broken;
    }

    private static boolean isIdeograph(char c) { return c >= '\u4E00' && c <= '\u9FFF'; }

    private static final java.util.regex.Pattern UNIT_START = java.util.regex.Pattern.compile("^(?:[亿万千]?元|%|％|个百分点)");
    /** After 75.78亿 the unit's rest: 元, 人, 吨, 户 (atlas hohhot 75.78亿 / 元; beijing 1530.7亿 / 元). */
    private static final java.util.regex.Pattern UNIT_REST = java.util.regex.Pattern.compile("^(?:元|人|吨|户)");

    /**
     * A sentence that ends its line with a number whose unit opens the next line (地区生产总值（GDP）2191.55 / 亿元，较上年
     * 增长5.7% in two HTML paragraphs, atlas huaihua; PDFs break lines so everywhere, atlas beijing, chongqing, hefei
     * budget reports and bulletins) goes on across the break.
     *
     * @return the line the unit opens, or -1
     */
    private static int numberCutFromUnit(DocumentText doc, boolean[] skip, int i, String s) {
        if (s.length() < 10 || s.indexOf('\t') >= 0) return -1;
        char last = s.charAt(s.length() - 1);
        boolean multiplier = (last == '亿' || last == '万') && s.length() >= 2 && Character.isDigit(s.charAt(s.length() - 2));
        if (!Character.isDigit(last) && !multiplier) return -1;
        int j = i + 1;
        while (j < doc.lines().size() && doc.lineText(doc.lines().get(j)).isBlank()) j++;
        if (j >= doc.lines().size() || skip[j]) return -1;
        String next = doc.lineText(doc.lines().get(j)).strip();
        return (multiplier ? UNIT_REST : UNIT_START).matcher(next).find() ? j : -1;
    }

    /** Offset in the source text of view position {@code i}. */
    int source(int i) { return toSource[i]; }

    /** Source offset just past view range [start, end). */
    int sourceEnd(int end) { return end == 0 ? 0 : toSource[end - 1] + 1; }

    static char normalise(char c) {
        if (c >= '\uFF10' && c <= '\uFF19') return (char) ('0' + (c - '\uFF10'));
        if (c >= '\uFF21' && c <= '\uFF3A') return (char) ('A' + (c - '\uFF21'));
        if (c >= '\uFF41' && c <= '\uFF5A') return (char) ('a' + (c - '\uFF41'));
        return switch (c) {
            case '\uFF05', '\uFE6A' -> '%';
            case '\uFF0E' -> '.';
            case '\uFF08' -> '(';
            case '\uFF09' -> ')';
            case '\uFF0B' -> '+';
            case '\uFF0D', '\u2212' -> '-';
            case '\uFF5E' -> '~';
            case '\uFF0F' -> '/';
            case '\u3000', '\u00A0', '\t', '\u2002', '\u2003', '\u2009', '\u200B' -> ' ';
            case '\r' -> ' ';
            default -> c;
        };
    }

    private static boolean isDigitish(char c) { return c >= '0' && c <= '9' || c == '.' || c == '%'; }

    static boolean isCjk(char c) {
        return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\u3000' && c <= '\u303F')
                || (c >= '\uFF00' && c <= '\uFFEF') || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019'
                || c == '\u2014' || c == '\u00B7';
    }

    /** Spaces next to Chinese text carry no meaning (截至 2024年底, 2479.6 亿元, 19 家); between two words they do. */
    private static boolean dropSpaceBetween(char prev, char next) {
        if (isCjk(prev) || isCjk(next)) return true;
        return Character.isDigit(prev) && (next == '%' || next == '\u2030');
    }
}
