package figtrace.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Whether a span of a document's text was read by OCR, and how sure Tesseract was of it: the lowest confidence among
 * the OCR words it overlaps. Entities and measures carry it like figures do (source {@code ocr}, ocr_confidence).
 */
public final class OcrSpans {
    private OcrSpans() {}

    /** The lowest confidence of the OCR words in [start, end), rounded to one decimal; null when none was OCR. */
    public static BigDecimal confidence(DocumentText text, int start, int end) {
        List<OcrWord> words = text.ocrWordsIn(start, end);
        if (words.isEmpty()) return null;
        float min = Float.MAX_VALUE;
        for (OcrWord w : words) min = Math.min(min, w.confidence());
        return BigDecimal.valueOf(min).setScale(1, RoundingMode.HALF_UP);
    }

    public static List<Entity> entities(List<Entity> entities, DocumentText text) {
        if (text.ocrWords().isEmpty()) return entities;
        return entities.stream().map(e -> {
            BigDecimal c = confidence(text, e.charStart(), e.charEnd());
            return c == null ? e : e.fromOcr(c);
        }).toList();
    }

    public static List<Measure> measures(List<Measure> measures, DocumentText text) {
        if (text.ocrWords().isEmpty()) return measures;
        return measures.stream().map(m -> {
            BigDecimal c = confidence(text, m.charStart(), m.charEnd());
            return c == null ? m : m.fromOcr(c);
        }).toList();
    }
}
