package figtrace.model;

/**
 * One line of a document's text as a reader sees it.
 *
 * @param page      1-based page for paged formats (PDF); 0 where the format has no pages
 * @param number    1-based line number: within the page for PDF, within the document otherwise
 * @param start     offset of the line's first character in {@link DocumentText#text()} (0-based)
 * @param end       offset just past the line's last character, excluding the line break (end-exclusive)
 * @param continues true when this line is a soft wrap: its paragraph goes on in the next line (PDF hard wraps), so
 *                  a number or name broken here is joined again when matching
 * @param table     -1 for prose; otherwise the index of the table this line is a row of. Cells are separated by '\t'.
 */
public record TextLine(int page, int number, int start, int end, boolean continues, int table) {
    public boolean isTableRow() { return table >= 0; }
}
