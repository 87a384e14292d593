package figtrace.layout;

/**
 * One visual line: its text (cells joined by '\t'), how many cells, its left and right edges and typical glyph width;
 * {@code xs}/{@code xe} hold each character's left and right x (NaN for a '\t' or a space), or are null.
 */
record PdfLine(String text, int cells, float left, float right, float em, float[] xs, float[] xe) {
    PdfLine(String text, int cells, float left, float right, float em) {
        this(text, cells, left, right, em, null, null);
    }
}
