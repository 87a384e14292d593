package figtrace.model;

/**
 * One named entity (organisation, place, person, document, programme, industry) with exact provenance. Offsets are
 * 0-based, end-exclusive into {@link DocumentText#text()}; {@code text} is {@code text().substring(charStart,
 * charEnd)}, except that a name broken by a soft wrap (a PDF line break, {@code TextLine.continues()}) is given with
 * the break removed while the offsets stay exact. Each distinct surface form is reported once per document, at its
 * first occurrence.
 *
 * @param id          stable id: hash of document, offsets and type
 * @param doc         the document's file name
 * @param page        1-based PDF page, null for formats without pages
 * @param line        1-based line of {@code charStart}
 * @param text        the surface form exactly as in the text
 * @param type        ORG, PLACE, PERSON, DOC, PROGRAM or INDUSTRY
 * @param canonical   standard full name (新疆 → 新疆维吾尔自治区), else the text itself
 * @param canonicalId id of the canonical name, the same in every document (e.g. {@code PLACE:新疆维吾尔自治区})
 * @param attributes  extra facts as {@code key=value;…} (e.g. {@code docNumber=工信部规〔2024〕169号}), or null
 * @param rule        id of the rule that produced it, e.g. {@code entities:book_title}
 * @param source      where its text came from: {@code text} (a text layer or a file) or {@code ocr}, as for figures
 * @param ocrConfidence for a name read by OCR, Tesseract's lowest confidence (0–100) among its words; else null
 */
public record Entity(String id, String doc, Integer page, int line, int charStart, int charEnd, String text,
                     EntityType type, String canonical, String canonicalId, String attributes, String rule, String source,
                     java.math.BigDecimal ocrConfidence) {

    public Entity {
        if (source == null) source = Figure.SOURCE_TEXT;
    }

    /** An entity read from a text layer or a file (source {@code text}). */
    public Entity(String id, String doc, Integer page, int line, int charStart, int charEnd, String text,
                  EntityType type, String canonical, String canonicalId, String attributes, String rule) {
        this(id, doc, page, line, charStart, charEnd, text, type, canonical, canonicalId, attributes, rule,
                Figure.SOURCE_TEXT, null);
    }

    /** This entity as read by OCR, with the lowest confidence of its words. */
    public Entity fromOcr(java.math.BigDecimal confidence) {
        return new Entity(id, doc, page, line, charStart, charEnd, text, type, canonical, canonicalId, attributes, rule,
                Figure.SOURCE_OCR, confidence);
    }
}
