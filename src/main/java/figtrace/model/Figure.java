package figtrace.model;

import java.math.BigDecimal;

/**
 * One figure: a quantity the text states, with its meaning and exact provenance. Field names follow the annotation
 * guideline (doc, line, raw, value, unit, …). Offsets are into {@link DocumentText#text()}.
 *
 * @param id          stable id: the same for the same document content and span across runs
 * @param doc         the document's file name
 * @param page        1-based PDF page, null for formats without pages
 * @param line        1-based line where the number starts (on its page for PDF)
 * @param charStart   start of {@code quote} in the document text
 * @param charEnd     end (exclusive) of {@code quote}
 * @param quote       the sentence (or table row) holding the figure, exactly as in the text
 * @param spanStart   start of the figure itself (number and unit) in the document text
 * @param spanEnd     end (exclusive) of the figure itself
 * @param raw         the figure as written, line breaks removed
 * @param value       exact value in the base unit (6616.93亿元 → 661693000000)
 * @param unit        canonical unit: CNY, USD, %, pp, count, MW, kV, …
 * @param measureWord Chinese measure word for counts (家, 个, 项, …), else null
 * @param kind        money, count, percent, pp, physical, rank, multiple, ratio
 * @param qualifier   approx, gt, ge, lt, le, or null for an exact figure
 * @param time        period the figure is about: 2024, 2024-12-31, 2024-01/2024-10, 2022/2024, or null
 * @param region      place the figure is about in standard form (新疆, 乌鲁木齐市, 全国), or null
 * @param subject     what is measured, as written in the sentence
 * @param indicator   the Chinese name of the catalogued indicator (patterns/indicators.tsv), or null
 * @param indicatorId the indicator's stable id (gdp, resident_population, …), or null when none fits
 * @param change      null for a level; growth, yoy_growth, increase, decrease, share, diff
 * @param target      true where the figure is a goal or plan
 * @param rule        id of the rule that matched, e.g. figures:money
 * @param note        anything odd worth telling a reviewer, or null
 * @param source      where the figure's text came from: {@code text} (a text layer or a file) or {@code ocr}
 * @param ocrConfidence for OCR figures, Tesseract's lowest confidence (0–100) among the words of the figure; else null
 * @param ocrBox      for OCR figures, where the figure stands on its page: "x0,y0,x1,y1" in PDF points from the
 *                    page's top-left corner; else null
 */
public record Figure(String id, String doc, Integer page, int line, int charStart, int charEnd, String quote,
                     int spanStart, int spanEnd, String raw, BigDecimal value, String unit, String measureWord,
                     FigureKind kind, Qualifier qualifier, String time, String region, String subject, String indicator,
                     String indicatorId, Change change, boolean target, String rule, String note, String source,
                     BigDecimal ocrConfidence, String ocrBox) {

    public static final String SOURCE_TEXT = "text";
    public static final String SOURCE_OCR = "ocr";

    /** A figure read from a text layer or a file (source {@code text}). */
    public Figure(String id, String doc, Integer page, int line, int charStart, int charEnd, String quote,
                  int spanStart, int spanEnd, String raw, BigDecimal value, String unit, String measureWord,
                  FigureKind kind, Qualifier qualifier, String time, String region, String subject, String indicator,
                  String indicatorId, Change change, boolean target, String rule, String note) {
        this(id, doc, page, line, charStart, charEnd, quote, spanStart, spanEnd, raw, value, unit, measureWord, kind,
                qualifier, time, region, subject, indicator, indicatorId, change, target, rule, note, SOURCE_TEXT, null,
                null);
    }

    /** A figure without an indicator id (hand-made fixtures, rows stored before the catalogue had ids). */
    public Figure(String id, String doc, Integer page, int line, int charStart, int charEnd, String quote,
                  int spanStart, int spanEnd, String raw, BigDecimal value, String unit, String measureWord,
                  FigureKind kind, Qualifier qualifier, String time, String region, String subject, String indicator,
                  Change change, boolean target, String rule, String note) {
        this(id, doc, page, line, charStart, charEnd, quote, spanStart, spanEnd, raw, value, unit, measureWord, kind,
                qualifier, time, region, subject, indicator, null, change, target, rule, note);
    }

    /**
     * The figures that stand wholly inside [start, end) of the document text, in the given order: the one rule by which
     * a measure's clause holds its figures (its linked_figures, its measure_figure links, whether it states a count).
     */
    public static java.util.List<Figure> within(java.util.List<Figure> figures, int start, int end) {
        return figures.stream().filter(f -> f.spanStart() >= start && f.spanEnd() <= end).toList();
    }

    /** This figure as read by OCR: its confidence, its box on the page and the note for a reviewer. */
    public Figure fromOcr(BigDecimal confidence, String box, String newNote) {
        return new Figure(id, doc, page, line, charStart, charEnd, quote, spanStart, spanEnd, raw, value, unit,
                measureWord, kind, qualifier, time, region, subject, indicator, indicatorId, change, target, rule,
                newNote, SOURCE_OCR, confidence, box);
    }
}
