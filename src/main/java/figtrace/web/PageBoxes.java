package figtrace.web;

import figtrace.model.Figure;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a figure stands on its PDF page, so the page image can frame it. An OCR figure carries its box from Tesseract
 * ({@link Figure#ocrBox()}); for a text-layer figure the page's glyphs are read again with PDFBox, in the order
 * figtrace's PDF reader reads them (sorted by position, then in content-stream order), and the figure's source line is
 * found among them: the figure's glyphs inside that line give the box. Whitespace is ignored on both sides (the reader
 * turns wide gaps into tabs). When the line cannot be found, the figure's own text is used if it occurs exactly once
 * on the page; otherwise there is no box, and the page shows none rather than a wrong one.
 */
final class PageBoxes {

    /** A box in PDF points from the top-left corner of the page as displayed (crop box, rotation applied). */
    record Box(float x0, float y0, float x1, float y1) {
        List<Float> list() { return List.of(x0, y0, x1, y1); }
    }

    /**
     * The figure's boxes, one per printed line it stands on (a figure wrapped over two lines has two), empty when it
     * cannot be placed; the displayed page's size in points; how it was placed: ocr, line, text or none.
     */
    record Placement(List<Box> boxes, float width, float height, String how) {
        Placement { boxes = List.copyOf(boxes); }

        /** The first box, or null. */
        Box box() { return boxes.isEmpty() ? null : boxes.get(0); }
    }

    /** A page's visible glyphs: the text without whitespace, and each character's box. */
    record Glyphs(String text, List<Box> boxes) {}

    private static final int CACHED = 8;

    private final Map<String, List<Glyphs>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Glyphs>> eldest) {
            return size() > CACHED;
        }
    };
    private final Map<String, float[]> sizes = new LinkedHashMap<>();

    /**
     * Places figure {@code f} on its page of {@code file}; {@code text} is the stored document text the figure's
     * offsets point into.
     */
    Placement place(Path file, Figure f, String text) throws IOException {
        int page = f.page();
        List<Glyphs> readings = glyphs(file, page);
        float[] size = sizes.get(file + "#" + page);
        if (f.ocrBox() != null && !f.ocrBox().isBlank()) {
            String[] p = f.ocrBox().split(",");
            if (p.length == 4) {
                return new Placement(List.of(new Box(Float.parseFloat(p[0]), Float.parseFloat(p[1]),
                        Float.parseFloat(p[2]), Float.parseFloat(p[3]))), size[0], size[1], "ocr");
            }
        }
        for (Glyphs g : readings) {
            List<Box> boxes = inLine(g, f, text);
            if (!boxes.isEmpty()) return new Placement(boxes, size[0], size[1], "line");
        }
        for (Glyphs g : readings) {
            List<Box> boxes = uniqueRaw(g, f, text);
            if (!boxes.isEmpty()) return new Placement(boxes, size[0], size[1], "text");
        }
        return new Placement(List.of(), size[0], size[1], "none");
    }

    /** The figure inside its source line (from the line's start to the span's end, so a wrapped figure still fits). */
    static List<Box> inLine(Glyphs g, Figure f, String text) {
        if (f.spanStart() < 0 || f.spanEnd() > text.length() || f.spanStart() >= f.spanEnd()) return List.of();
        int lineStart = text.lastIndexOf('\n', f.spanStart() - 1) + 1;
        int lineEnd = text.indexOf('\n', f.spanEnd());
        if (lineEnd < 0) lineEnd = text.length();
        String before = squeeze(text.substring(lineStart, f.spanStart()));
        String span = squeeze(text.substring(f.spanStart(), f.spanEnd()));
        String line = squeeze(text.substring(lineStart, lineEnd));
        if (span.isEmpty() || line.length() < 2) return List.of();
        // The same line can appear more than once on a page (a repeated header row): take the occurrence that has as
        // many identical lines before it on the stored page as the figure's line has.
        int occurrence = occurrencesBefore(text, lineStart, line, f);
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = g.text().indexOf(line, at + 1);
            if (at < 0) return List.of();
        }
        return union(g.boxes(), at + before.length(), at + before.length() + span.length());
    }

    /** How many lines before {@code lineStart}, on the same page of the stored text, read as {@code line}. */
    private static int occurrencesBefore(String text, int lineStart, String line, Figure f) {
        // Lines of the same page come before the figure's line: go back at most (figure's line number − 1) lines.
        int n = 0, end = lineStart - 1;
        for (int back = 1; back < f.line() && end > 0; back++) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            if (squeeze(text.substring(start, end)).equals(line)) n++;
            end = start - 1;
        }
        return n;
    }

    /** The figure's own text when it occurs once on the page. */
    static List<Box> uniqueRaw(Glyphs g, Figure f, String text) {
        if (f.spanStart() < 0 || f.spanEnd() > text.length() || f.spanStart() >= f.spanEnd()) return List.of();
        String span = squeeze(text.substring(f.spanStart(), f.spanEnd()));
        if (span.length() < 2) return List.of();
        int at = g.text().indexOf(span);
        if (at < 0 || g.text().indexOf(span, at + 1) >= 0) return List.of();
        return union(g.boxes(), at, at + span.length());
    }

    /** The glyphs' boxes joined into one box per printed line (a glyph whose baseline moves starts a new line). */
    private static List<Box> union(List<Box> glyphs, int from, int to) {
        if (from < 0 || to > glyphs.size() || from >= to) return List.of();
        List<Box> lines = new ArrayList<>();
        Box current = null;
        for (int i = from; i < to; i++) {
            Box b = glyphs.get(i);
            boolean sameLine = current != null
                    && Math.abs(b.y1() - current.y1()) < Math.max(2f, (current.y1() - current.y0()) / 2);
            if (!sameLine) {
                if (current != null) lines.add(current);
                current = b;
            } else {
                current = new Box(Math.min(current.x0(), b.x0()), Math.min(current.y0(), b.y0()),
                        Math.max(current.x1(), b.x1()), Math.max(current.y1(), b.y1()));
            }
        }
        lines.add(current);
        return lines;
    }

    static String squeeze(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) sb.append(s.charAt(i));
        return sb.toString();
    }

    /** The page's glyphs sorted by position and in content-stream order (figtrace's reader uses one of the two). */
    private synchronized List<Glyphs> glyphs(Path file, int page) throws IOException {
        String key = file + "#" + page;
        List<Glyphs> cached = cache.get(key);
        if (cached != null && sizes.containsKey(key)) return cached;
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            if (page < 1 || page > pdf.getNumberOfPages()) {
                throw new Http.NotFound("page " + page + " is not in " + file.getFileName() + " (it has "
                        + pdf.getNumberOfPages() + " pages)");
            }
            PDPage p = pdf.getPage(page - 1);
            PDRectangle crop = p.getCropBox();
            boolean turned = p.getRotation() % 180 != 0;
            sizes.put(key, turned ? new float[] {crop.getHeight(), crop.getWidth()}
                    : new float[] {crop.getWidth(), crop.getHeight()});
            List<Glyphs> readings = List.of(read(pdf, page, true), read(pdf, page, false));
            cache.put(key, readings);
            return readings;
        }
    }

    private static Glyphs read(PDDocument pdf, int page, boolean byPosition) throws IOException {
        GlyphStripper s = new GlyphStripper(byPosition);
        s.setStartPage(page);
        s.setEndPage(page);
        s.getText(pdf);
        return new Glyphs(s.text.toString(), s.boxes);
    }

    /** Records every visible glyph with its box instead of writing text. */
    private static final class GlyphStripper extends PDFTextStripper {
        final StringBuilder text = new StringBuilder();
        final List<Box> boxes = new ArrayList<>();

        GlyphStripper(boolean sortByPosition) throws IOException {
            setSortByPosition(sortByPosition);
            setSuppressDuplicateOverlappingText(true);
        }

        @Override
        protected void writeString(String string, List<TextPosition> positions) {
            for (TextPosition t : positions) {
                String u = t.getUnicode();
                if (u == null) continue;
                float h = t.getHeightDir() > 0 ? t.getHeightDir() : t.getFontSizeInPt();
                Box b = new Box(t.getXDirAdj(), t.getYDirAdj() - h, t.getXDirAdj() + t.getWidthDirAdj(),
                        t.getYDirAdj());
                for (int i = 0; i < u.length(); i++) {
                    if (Character.isWhitespace(u.charAt(i))) continue;
                    text.append(u.charAt(i));
                    boxes.add(b);
                }
            }
        }

        @Override protected void writeWordSeparator() {}
        @Override protected void writeLineSeparator() {}
    }
}
