package figtrace.model;

import java.util.List;

/**
 * The text of one document and where each line of it came from. This is figtrace's one coordinate system: every
 * record's offsets are 0-based, end-exclusive character offsets into {@link #text()}, and a record's quote is
 * {@code text().substring(start, end)} — never rebuilt.
 *
 * <p>Lines are separated by '\n' in {@code text}; {@link #lines()} lists them in order and covers the whole text.
 * {@link #ocrWords()} lists, in text order, the words read by OCR (empty for text that came from a text layer).
 */
public record DocumentText(String text, List<TextLine> lines, List<OcrWord> ocrWords) {

    public DocumentText {
        lines = List.copyOf(lines);
        ocrWords = List.copyOf(ocrWords);
    }

    /** Text read from a text layer or a file: no OCR words. */
    public DocumentText(String text, List<TextLine> lines) {
        this(text, lines, List.of());
    }

    public static DocumentText empty() { return new DocumentText("", List.of()); }

    public boolean isBlank() { return text.isBlank(); }

    /** The line holding {@code offset} (the last line when offset is at the very end). */
    public TextLine lineAt(int offset) {
        return lines.get(lineIndexAt(offset));
    }

    /** The index in {@link #lines()} of the line holding {@code offset}, found by bisection. */
    public int lineIndexAt(int offset) {
        int lo = 0, hi = lines.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lines.get(mid).start() <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** The text of one line, without its line break. */
    public String lineText(TextLine line) { return text.substring(line.start(), line.end()); }

    /** The OCR words overlapping {@code [start, end)}, in text order; empty where the text did not come from OCR. */
    public List<OcrWord> ocrWordsIn(int start, int end) {
        if (ocrWords.isEmpty()) return List.of();
        int lo = 0, hi = ocrWords.size();
        while (lo < hi) { // first word ending after start
            int mid = (lo + hi) >>> 1;
            if (ocrWords.get(mid).end() <= start) lo = mid + 1; else hi = mid;
        }
        int to = lo;
        while (to < ocrWords.size() && ocrWords.get(to).start() < end) to++;
        return ocrWords.subList(lo, to);
    }

    /** Highest page number, or 0 for formats without pages. */
    public int pageCount() {
        return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).page();
    }
}
