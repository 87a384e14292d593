package figtrace.model;

import java.util.List;

/**
 * One table of a document, rebuilt as the document prints it, whatever the format (PDF, HTML, Word): its caption,
 * unit, header rows, rows with their labels and hierarchy, columns with what their headers say, and every cell with
 * its offsets in the document text. A table printed over several pages is one table.
 *
 * @param id         stable content-based id (same document content and position → same id)
 * @param doc        the document's file name
 * @param seq        0-based order of the table in the document
 * @param pages      the PDF pages it is printed on (empty for formats without pages)
 * @param caption    its title as printed (表一：2024年…情况表), or null
 * @param unit       the unit the caption, header or a 单位 line states for the whole table (万元), or null
 * @param side       null, or which half of a two-sided table this is (its top header: 收入, 支出)
 * @param headerRows the header rows as printed, one list of cell texts per row (spanned positions are empty)
 * @param columns    one per column, left to right, with the meaning its header gives
 * @param rows       the body rows, top to bottom (repeated headers on continuation pages left out)
 * @param cells      every non-empty body cell
 */
public record Table(String id, String doc, int seq, List<Integer> pages, String caption, String unit, String side,
                    List<List<String>> headerRows, List<TableColumn> columns, List<TableRow> rows,
                    List<TableCell> cells) {
    public Table {
        pages = List.copyOf(pages);
        headerRows = headerRows.stream().map(List::copyOf).toList();
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        cells = List.copyOf(cells);
    }

    /** Number of body cells holding a number (the figures this table gives). */
    public long figureCount() { return cells.stream().filter(c -> c.figureId() != null).count(); }
}
