package figtrace.web;

import figtrace.model.Figure;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a document around a cited line, numbered as the figures number them: within the document for text,
 * HTML and Word; within the page for PDF. A PDF page is cut out by the stored line table (document_lines) where the
 * database has it; older databases keep the text but not each line's page, so there a PDF page is located through
 * the figures on it: a figure's {@code line} on its page and its offset in the text give where the
 * page starts; the next located page (or the end of the text) gives where it ends.
 *
 * @param page  the PDF page shown, or null
 * @param first number of the first line in {@code lines}
 * @param line  the cited line, to highlight
 */
record SourceView(Integer page, int first, int line, List<String> lines, boolean pageEndKnown) {

    /** Lines shown either side of the cited line in long unpaged documents. */
    static final int WINDOW = 300;

    static SourceView unpaged(String text, int line) {
        List<String> all = lines(text);
        int cited = Math.max(1, Math.min(line, all.size()));
        int from = Math.max(1, cited - WINDOW);
        int to = Math.min(all.size(), cited + WINDOW);
        return new SourceView(null, from, cited, all.subList(from - 1, to), true);
    }

    /** The lines of PDF page {@code page}, which spans text offsets {@code span[0]} to {@code span[1]} (stored lines). */
    static SourceView page(String text, int[] span, int page, int line) {
        int from = Math.max(0, Math.min(span[0], text.length()));
        int to = Math.max(from, Math.min(span[1], text.length()));
        return new SourceView(page, 1, line, lines(text.substring(from, to)), true);
    }

    /** The lines of PDF page {@code page}; null when no figure on that page locates it. */
    static SourceView paged(String text, List<Figure> figures, int page, int line) {
        List<String> all = lines(text);
        int[] lineStarts = lineStarts(text);
        int start = -1, nextStart = Integer.MAX_VALUE;
        for (Figure f : figures) {
            if (f.page() == null) continue;
            int globalLine = lineIndex(lineStarts, f.spanStart()); // 0-based line of the figure in the text
            int pageStart = globalLine - (f.line() - 1);
            if (f.page() == page) start = pageStart;
            else if (f.page() > page && pageStart < nextStart) nextStart = pageStart;
        }
        if (start < 0) return null;
        boolean endKnown = nextStart != Integer.MAX_VALUE;
        int end = Math.min(all.size(), endKnown ? nextStart : all.size());
        return new SourceView(page, 1, line, all.subList(start, end), endKnown);
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n", -1)) lines.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        return lines;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineIndex(int[] starts, int offset) {
        int lo = 0, hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
