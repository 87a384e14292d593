package figtrace.layout;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects PDFBox's words per line with their positions instead of writing text. */
final class PdfLineStripper extends PDFTextStripper {
    List<PdfLine> lines = new ArrayList<>();
    /** PDFBox's words on the current line; only their boundaries are used, the text is rebuilt from glyphs. */
    private final List<String> words = new ArrayList<>();
    private final List<List<TextPosition>> positions = new ArrayList<>();
    private final GlyphXs glyphs = new GlyphXs();

    PdfLineStripper(boolean sortByPosition) {
        setSortByPosition(sortByPosition);
        setSuppressDuplicateOverlappingText(true);
    }

    /** The lines of one page (1-based), or null when the page cannot be read. */
    List<PdfLine> page(PDDocument doc, int page) {
        setStartPage(page);
        setEndPage(page);
        lines = new ArrayList<>();
        words.clear();
        positions.clear();
        glyphs.clear();
        try {
            getText(doc);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return lines;
    }

    @Override
    protected void writeString(String text, List<TextPosition> textPositions) {
        words.add(text);
        positions.add(new ArrayList<>(textPositions));
    }

    @Override
    protected void writeWordSeparator() {
        // words are joined in endLine, where the gap between them is known
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        endLine();
        super.endPage(page);
    }

    private void endLine() {
        if (words.isEmpty()) return;
        float em = em(positions);
        StringBuilder sb = new StringBuilder();
        int cells = 1;
        float prevEnd = Float.NaN;
        float left = Float.NaN;
        for (List<TextPosition> tp : positions) {
            if (!tp.isEmpty()) { left = tp.get(0).getXDirAdj(); break; }
        }
        // Rebuilt glyph by glyph: PDFs often write real spaces between table columns, so the gap has to be
        // measured between every two visible glyphs, not only between PDFBox's words.
        boolean pendingSpace = false;
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) pendingSpace = true; // PDFBox's word boundary
            for (TextPosition t : positions.get(i)) {
                String u = t.getUnicode();
                if (u == null || u.isEmpty()) continue;
                if (u.isBlank()) { pendingSpace = true; continue; }
                if (!Float.isNaN(prevEnd)) {
                    float gap = t.getXDirAdj() - prevEnd;
                    // A gap of two glyphs or more separates table cells (or columns); a smaller one is a space.
                    // Right-aligned number columns sit closer: next to a number one glyph is enough.
                    boolean numbers = sb.length() > 0 && (isNumberChar(sb.charAt(sb.length() - 1)) || isNumberChar(u.charAt(0)));
                    if (gap > (numbers ? 1.0f : 2.0f) * em) {
                        sb.append('\t');
                        glyphs.gap();
                        cells++;
                    } else if (pendingSpace) {
                        sb.append(' ');
                        glyphs.gap();
                    }
                }
                pendingSpace = false;
                sb.append(u);
                glyphs.add(u.length(), t.getXDirAdj(), t.getXDirAdj() + t.getWidthDirAdj());
                prevEnd = t.getXDirAdj() + t.getWidthDirAdj();
            }
        }
        // Collapse runs of spaces the PDF itself holds (justified or letter-spaced text), keeping each
        // character's x for the table grid (TableGrid).
        GlyphXs.Stripped line = glyphs.strip(sb);
        String text = line.text();
        if (!text.isEmpty()) {
            lines.add(new PdfLine(text, text.indexOf('\t') >= 0 ? cells : 1, Float.isNaN(left) ? 0 : left,
                    Float.isNaN(prevEnd) ? 0 : prevEnd, em, line.xs(), line.xe()));
        }
        glyphs.clear();
        words.clear();
        positions.clear();
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ',' || c == '%';
    }

    private static void strip(StringBuilder sb) {
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') sb.setLength(sb.length() - 1);
    }

    /** Median glyph width of the line's CJK characters, else twice the median of all (digits are half-width). */
    private static float em(List<List<TextPosition>> positions) {
        List<Float> cjk = new ArrayList<>(), all = new ArrayList<>();
        for (List<TextPosition> tps : positions) {
            for (TextPosition t : tps) {
                float w = t.getWidthDirAdj();
                if (w <= 0) continue;
                String u = t.getUnicode();
                if (u != null && !u.isEmpty() && u.charAt(0) >= '\u3000') cjk.add(w); else all.add(w);
            }
        }
        if (!cjk.isEmpty()) return median(cjk);
        if (!all.isEmpty()) return 2 * median(all);
        return 10f;
    }

    private static float median(List<Float> v) {
        float[] a = new float[v.size()];
        for (int i = 0; i < a.length; i++) a[i] = v.get(i);
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
