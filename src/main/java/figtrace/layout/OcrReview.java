package figtrace.layout;

import figtrace.model.DocumentText;
import figtrace.model.Figure;
import figtrace.model.OcrWord;
import figtrace.model.TextLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Marks the figures whose text came from OCR: source {@code ocr}, the lowest confidence of their words, their box on
 * the page, and a note for every figure OCR may have misread, so that no such number is silently trusted:
 * <ul>
 *   <li>a word of it read with low confidence (below {@link #LOW_CONFIDENCE});</li>
 *   <li>a letter that looks like a digit inside or against the number (O/o/D for 0, l/I/| for 1, S/$ for 5, B for 8,
 *       Z for 2, g for 9): the figure rule then matched only part of it, or the letter stands for a digit;</li>
 *   <li>a digit right after '%' (a misread 。 or ；), or two decimal points;</li>
 *   <li>a dropped decimal point: a whole number among figures of the same unit on the same line or in the same
 *       table column that all have decimals (bulletins print a quantity with the same number of decimals throughout).</li>
 * </ul>
 */
public final class OcrReview {
    private OcrReview() {}

    /** Below this Tesseract confidence (0–100) a word is not trusted without a look at the page image. */
    public static final float LOW_CONFIDENCE = 80f;
    private static final String DIGIT_LIKE_LETTERS = "OoDQlI|iSs$BZzg";

    public static List<Figure> mark(List<Figure> figures, DocumentText text) {
        if (text.ocrWords().isEmpty()) return figures;
        List<Figure> out = new ArrayList<>(figures.size());
        for (Figure f : figures) {
            List<OcrWord> words = text.ocrWordsIn(f.spanStart(), f.spanEnd());
            if (words.isEmpty()) { out.add(f); continue; }
            float conf = 100f;
            float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = 0, y1 = 0;
            for (OcrWord w : words) {
                conf = Math.min(conf, w.confidence());
                x0 = Math.min(x0, w.x0()); y0 = Math.min(y0, w.y0());
                x1 = Math.max(x1, w.x1()); y1 = Math.max(y1, w.y1());
            }
            List<String> doubts = new ArrayList<>();
            if (conf < LOW_CONFIDENCE) doubts.add("read with low confidence (" + Math.round(conf) + ")");
            doubts.addAll(confusions(text.text(), f.spanStart(), f.spanEnd()));
            if (droppedDecimal(f, figures, text)) {
                doubts.add("a whole number among figures with decimals: a decimal point may have been lost");
            }
            String note = f.note();
            if (!doubts.isEmpty()) {
                String ocrNote = "OCR: check against the page image, " + String.join("; ", doubts);
                note = note == null || note.isBlank() ? ocrNote : note + "; " + ocrNote;
            }
            String box = fmt(x0) + "," + fmt(y0) + "," + fmt(x1) + "," + fmt(y1);
            out.add(f.fromOcr(BigDecimal.valueOf(conf).setScale(1, RoundingMode.HALF_UP), box, note));
        }
        return out;
    }

    /** The doubts the characters in and around a number raise (see the class comment). */
    static List<String> confusions(String text, int spanStart, int spanEnd) {
        // the number token around the span: digits, separators and letters that look like digits
        int from = spanStart, to = spanEnd;
        while (from > 0 && isTokenChar(text.charAt(from - 1))) from--;
        while (to < text.length() && isTokenChar(text.charAt(to))) to++;
        String token = text.substring(from, to);
        List<String> doubts = new ArrayList<>();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (DIGIT_LIKE_LETTERS.indexOf(c) < 0) continue;
            boolean byDigit = (i > 0 && isDigitOrPoint(token.charAt(i - 1)))
                    || (i + 1 < token.length() && isDigitOrPoint(token.charAt(i + 1)));
            if (byDigit) {
                doubts.add("'" + c + "' in \"" + token + "\" may be a misread digit");
                break;
            }
        }
        int pct = token.indexOf('%');
        if (pct >= 0 && pct + 1 < token.length() && Character.isDigit(token.charAt(pct + 1))) {
            doubts.add("a digit right after % in \"" + token + "\" (a misread 。 or ；?)");
        }
        if (token.matches(".*\\d\\.\\d+\\.\\d.*") || token.contains("..")) {
            doubts.add("two decimal points in \"" + token + "\"");
        }
        return doubts;
    }

    private static boolean isTokenChar(char c) {
        return Character.isDigit(c) || c == '.' || c == ',' || c == '%' || DIGIT_LIKE_LETTERS.indexOf(c) >= 0;
    }

    private static boolean isDigitOrPoint(char c) {
        return (c >= '0' && c <= '9') || c == '.';
    }

    /**
     * A whole number whose neighbours of the same unit — on its line, or in its table column — all have decimals
     * (at least two of them).
     */
    static boolean droppedDecimal(Figure f, List<Figure> all, DocumentText text) {
        if (f.value() == null || hasDecimals(f.raw())) return false;
        TextLine line = text.lineAt(f.spanStart());
        int column = line.isTableRow() ? column(text, f.spanStart(), line) : -1;
        int withDecimals = 0;
        for (Figure o : all) {
            if (o == f || !Objects.equals(o.unit(), f.unit()) || o.value() == null) continue;
            TextLine ol = text.lineAt(o.spanStart());
            boolean sibling = line.isTableRow()
                    ? ol.table() == line.table() && column(text, o.spanStart(), ol) == column
                    : ol == line || (ol.page() == line.page() && ol.number() == line.number());
            if (!sibling) continue;
            if (!hasDecimals(o.raw())) return false;
            withDecimals++;
        }
        return withDecimals >= 2;
    }

    private static boolean hasDecimals(String raw) {
        return raw.matches(".*\\d\\.\\d.*");
    }

    private static int column(DocumentText text, int offset, TextLine line) {
        int tabs = 0;
        for (int i = line.start(); i < offset; i++) if (text.text().charAt(i) == '\t') tabs++;
        return tabs;
    }

    private static String fmt(float v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
