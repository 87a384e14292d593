package figtrace.model;

/**
 * One non-empty body cell of a {@link Table}: its position and text exactly as in the document text.
 *
 * @param row       0-based body row
 * @param column    0-based column
 * @param charStart start of the cell text in the document text
 * @param charEnd   end (exclusive) of the cell text
 * @param text      the text at [charStart, charEnd)
 * @param figureId  the id of the figure read from this cell, or null for labels, codes, units and empty marks (-)
 */
public record TableCell(int row, int column, int charStart, int charEnd, String text, String figureId) {}
