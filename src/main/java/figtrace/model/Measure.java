package figtrace.model;

import java.util.List;

/**
 * One policy measure: an action a government or body has taken, is taking or will take. Offsets are 0-based,
 * end-exclusive into {@link DocumentText#text()}.
 *
 * <p>{@code text} is the clause cut from the text at its offsets. When a clause runs across a line break (a soft wrap
 * of a PDF line) the span [charStart, charEnd) crosses the break and {@code text} is that substring with the line
 * breaks removed, so it reads as one clause; the offsets stay exact.
 *
 * @param id             stable id: hash of document, offsets and kind
 * @param doc            the document's file name
 * @param page           1-based PDF page, null for formats without pages
 * @param line           1-based line of {@code charStart}
 * @param text           the clause (see above)
 * @param actor          who acts, when the clause names it before the verb; else null
 * @param status         done, ongoing, planned or recommended
 * @param instrument     fund, loan, tax, platform, talent, plan, regulation, finance, cooperation or other
 * @param linkedFigures  raw strings of the figures in the clause (number and unit as written)
 * @param entityIds      ids of entities whose first mention lies inside the clause
 * @param rule           id of the rule that produced it, e.g. {@code measures:verb_clause}
 * @param source         where its text came from: {@code text} (a text layer or a file) or {@code ocr}, as for figures
 * @param ocrConfidence  for a clause read by OCR, Tesseract's lowest confidence (0–100) among its words; else null
 */
public record Measure(String id, String doc, Integer page, int line, int charStart, int charEnd, String text,
                      String actor, MeasureStatus status, Instrument instrument, List<String> linkedFigures,
                      List<String> entityIds, String rule, String source, java.math.BigDecimal ocrConfidence) {
    public Measure {
        linkedFigures = List.copyOf(linkedFigures);
        entityIds = List.copyOf(entityIds);
        if (source == null) source = Figure.SOURCE_TEXT;
    }

    /** A measure read from a text layer or a file (source {@code text}). */
    public Measure(String id, String doc, Integer page, int line, int charStart, int charEnd, String text,
                   String actor, MeasureStatus status, Instrument instrument, List<String> linkedFigures,
                   List<String> entityIds, String rule) {
        this(id, doc, page, line, charStart, charEnd, text, actor, status, instrument, linkedFigures, entityIds, rule,
                Figure.SOURCE_TEXT, null);
    }

    /** This measure as read by OCR, with the lowest confidence of its words. */
    public Measure fromOcr(java.math.BigDecimal confidence) {
        return new Measure(id, doc, page, line, charStart, charEnd, text, actor, status, instrument, linkedFigures,
                entityIds, rule, Figure.SOURCE_OCR, confidence);
    }
}
