package figtrace.model;

/**
 * One word that OCR read, placed in the document text: its characters are {@code text().substring(start, end)} of
 * the {@link DocumentText}; where it stands on its page, in PDF points from the page's top-left corner (so the review
 * page can outline a figure on the page image); and Tesseract's confidence in it, 0–100.
 */
public record OcrWord(int start, int end, int page, float confidence, float x0, float y0, float x1, float y1) {}
