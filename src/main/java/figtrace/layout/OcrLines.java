package figtrace.layout;

import figtrace.model.DocumentText;
import figtrace.model.OcrWord;
import figtrace.model.TextLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the words Tesseract read on a page into the visual lines {@link PdfReader} lays out like text-layer lines,
 * and afterwards places each word in the document text ({@link OcrWord}: offsets, page box, confidence).
 *
 * <p>Reflow: Tesseract separates the words it reads by spaces, and for Chinese that puts spaces between characters
 * and between a number and its unit (总值 667.83 亿元). Words are joined without a space unless both sides are Latin
 * letters or digits (GDP 2025), as a Chinese text layer would have them; a gap of two glyphs or more (one next to a
 * number) is a table cell break '\t', as in {@code PdfReader}. The text is built word by word, so every character of a
 * line belongs to exactly one word (or is a separator) and offsets stay exact.
 */
public final class OcrLines {

    /** Where the words of one line stand in its text. */
    record Placed(int start, int end, OcrPage.Word word) {}

    private OcrLines() {}

    /**
     * The page's words grouped into lines, top to bottom; each line's placed words are recorded in {@code byLineText}.
     * Each character gets an x extent (its word's box cut evenly among the word's characters, in points), so OCR table
     * rows are put into columns by {@link TableGrid} like text-layer rows.
     */
    static List<PdfLine> lines(List<OcrPage.Word> words, int dpi, Map<String, List<Placed>> byLineText) {
        float scale = 72f / dpi;
        List<List<OcrPage.Word>> groups = group(words);
        List<PdfLine> lines = new ArrayList<>();
        for (List<OcrPage.Word> g : groups) {
            g.sort(Comparator.comparingInt(OcrPage.Word::left));
            float em = em(g);
            StringBuilder sb = new StringBuilder();
            GlyphXs xs = new GlyphXs();
            List<Placed> placed = new ArrayList<>();
            int cells = 1;
            OcrPage.Word prev = null;
            boolean rule = false; // a table's vertical ruling line stood between the previous word and this one
            for (OcrPage.Word w : g) {
                if (isRule(w.text())) { rule = prev != null; continue; }
                if (prev != null) {
                    int gap = w.left() - prev.right();
                    char before = sb.charAt(sb.length() - 1), after = w.text().charAt(0);
                    boolean numbers = isNumberChar(before) || isNumberChar(after);
                    if (rule || gap > (numbers ? 1.0f : 2.0f) * em) {
                        sb.append('\t');
                        xs.gap();
                        cells++;
                    } else if (isLatin(before) && isLatin(after)) {
                        sb.append(' ');
                        xs.gap();
                    }
                }
                int start = sb.length();
                sb.append(w.text());
                int n = w.text().length();
                for (int k = 0; k < n; k++) {
                    xs.add(1, (w.left() + w.width() * k / (float) n) * scale, (w.left() + w.width() * (k + 1) / (float) n) * scale);
                }
                placed.add(new Placed(start, sb.length(), w));
                prev = w;
                rule = false;
            }
            if (prev == null) continue; // only ruling lines
            String text = sb.toString();
            GlyphXs.Stripped glyphs = xs.strip(text);
            // the text has no runs of spaces or outer whitespace, so stripping keeps it as it is
            boolean aligned = glyphs.text().equals(text) && glyphs.xs() != null;
            byLineText.put(text, placed);
            OcrPage.Word first = g.stream().filter(w -> !isRule(w.text())).findFirst().orElseThrow();
            lines.add(new PdfLine(text, cells, first.left() * scale, prev.right() * scale, em * scale,
                    aligned ? glyphs.xs() : null, aligned ? glyphs.xe() : null));
        }
        return lines;
    }

    /**
     * A word that is only a table's vertical ruling line as Tesseract reads it (|, ｜, 丨, brackets): no text, but a
     * cell boundary between its neighbours.
     */
    static boolean isRule(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> "|｜丨[]【】".indexOf(c) >= 0);
    }

    /**
     * Words into lines by position: a word joins the line it overlaps most vertically (by at least half its height);
     * lines are ordered top to bottom. Tesseract's own line numbers are not used, because it reads table columns as separate blocks.
     */
    private static List<List<OcrPage.Word>> group(List<OcrPage.Word> words) {
        List<OcrPage.Word> sorted = new ArrayList<>(words);
        // tall words first settle the lines, small ones (punctuation, a lone 等 at the margin) then join the line
        // they overlap most; sorted by position within each pass
        sorted.sort(Comparator.comparingDouble(OcrPage.Word::centreY));
        float typical = medianHeight(sorted);
        List<List<OcrPage.Word>> lines = new ArrayList<>();
        List<float[]> bands = new ArrayList<>(); // top, bottom of each line's settled words
        for (boolean small : new boolean[]{false, true}) {
            for (OcrPage.Word w : sorted) {
                if ((w.height() < 0.6f * typical) != small) continue;
                int best = -1;
                float bestOverlap = 0;
                for (int i = 0; i < lines.size(); i++) {
                    float[] b = bands.get(i);
                    float overlap = Math.min(b[1], w.bottom()) - Math.max(b[0], w.top());
                    if (overlap > bestOverlap) { bestOverlap = overlap; best = i; }
                }
                if (best < 0 || bestOverlap < 0.5f * Math.min(w.height(), bands.get(best)[1] - bands.get(best)[0])) {
                    lines.add(new ArrayList<>());
                    bands.add(new float[]{w.top(), w.bottom()});
                    best = lines.size() - 1;
                } else if (!small) {
                    float[] b = bands.get(best);
                    // the band follows the line's words, but a word taller than two lines does not stretch it
                    if (w.height() < 1.8f * typical) { b[0] = Math.min(b[0], w.top()); b[1] = Math.max(b[1], w.bottom()); }
                }
                lines.get(best).add(w);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble(i -> bands.get(i)[0] + bands.get(i)[1]));
        List<List<OcrPage.Word>> out = new ArrayList<>();
        for (int i : order) out.add(lines.get(i));
        return out;
    }

    private static float medianHeight(List<OcrPage.Word> words) {
        if (words.isEmpty()) return 1f;
        float[] h = new float[words.size()];
        for (int i = 0; i < h.length; i++) h[i] = words.get(i).height();
        Arrays.sort(h);
        return Math.max(1f, h[h.length / 2]);
    }

    /** Median height of the line's words holding a CJK character (a glyph is about as wide as it is high). */
    private static float em(List<OcrPage.Word> g) {
        float[] h = g.stream().filter(w -> w.text().chars().anyMatch(c -> c >= 0x3000)).map(w -> (float) w.height())
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                        l -> { float[] a = new float[l.size()]; for (int i = 0; i < a.length; i++) a[i] = l.get(i); return a; }));
        if (h.length == 0) {
            h = new float[g.size()];
            for (int i = 0; i < h.length; i++) h[i] = g.get(i).height();
        }
        Arrays.sort(h);
        return Math.max(1f, h[h.length / 2]);
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ',' || c == '%';
    }

    private static boolean isLatin(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * The OCR words of the laid-out text: for each text line whose row came from OCR (its text is one of the line
     * texts recorded by {@link #lines}), its words with document offsets and page boxes in points.
     */
    static List<OcrWord> place(DocumentText text, List<Row> rows, Map<String, List<Placed>> byLineText, int dpi) {
        if (byLineText.isEmpty()) return List.of();
        float scale = 72f / dpi;
        List<OcrWord> out = new ArrayList<>();
        List<TextLine> lines = text.lines();
        for (int i = 0; i < lines.size() && i < rows.size(); i++) {
            Row row = rows.get(i);
            List<Placed> placed = byLineText.get(row.read);
            if (placed == null) continue;
            TextLine line = lines.get(i);
            String now = text.lineText(line);
            int cursor = 0;
            for (Placed p : placed) {
                OcrPage.Word w = p.word();
                int start = p.start(), end = p.end();
                if (!now.equals(row.read)) {
                    // the table grid moved the row's cells (tabs and spaces only; every word stays whole and in
                    // order): find the word again from where the previous one ended
                    String word = row.read.substring(start, end);
                    start = now.indexOf(word, cursor);
                    if (start < 0) start = now.indexOf(word);
                    if (start < 0) continue;
                    end = start + word.length();
                    cursor = end;
                }
                out.add(new OcrWord(line.start() + start, line.start() + end, line.page(), w.confidence(),
                        w.left() * scale, w.top() * scale, w.right() * scale, w.bottom() * scale));
            }
        }
        return out;
    }

    /**
     * The document text of pages read by OCR alone (one list of words per page, from page 1), laid out exactly as
     * {@link PdfReader} lays out OCR pages; for tests that feed OCR output without a PDF.
     */
    public static DocumentText document(List<List<OcrPage.Word>> pages, int dpi) {
        Map<String, List<Placed>> index = newIndex();
        List<List<PdfLine>> lines = new ArrayList<>();
        for (List<OcrPage.Word> words : pages) lines.add(lines(words, dpi, index));
        List<Row> rows = PdfPageLayout.layOut(lines);
        DocumentText text = Lines.build(rows);
        return new DocumentText(text.text(), text.lines(), place(text, rows, index, dpi));
    }

    /** A map keyed by object identity, as {@link #lines} and {@link #place} need. */
    static Map<String, List<Placed>> newIndex() {
        return new IdentityHashMap<>();
    }
}
