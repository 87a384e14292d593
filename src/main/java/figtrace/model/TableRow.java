package figtrace.model;

/**
 * One body row of a {@link Table}.
 *
 * @param index     0-based row position in the table body
 * @param page      1-based PDF page of the row, null for formats without pages
 * @param line      1-based line of the row (on its page for PDF)
 * @param charStart start of the row's text in the document text
 * @param charEnd   end (exclusive) of the row's text (its last wrapped line included)
 * @param label     the row header as printed (wrapped lines joined), or empty
 * @param level     its depth in the row hierarchy: 0 top; 一、 1; （一） 2; 1. 3; # and 其中 one below their parent
 * @param parent    index of the row it belongs under, or -1
 * @param subject   what the row measures (the label without its numbering, 其中, # and unit)
 * @param region    the place the row is about (a regional table's rows), or null
 * @param unit      the row's own unit (a unit column, or the label's (万吨)), or null
 */
public record TableRow(int index, Integer page, int line, int charStart, int charEnd, String label, int level,
                       int parent, String subject, String region, String unit) {}
