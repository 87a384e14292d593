package figtrace.layout;

/**
 * One line a reader produced, before it gets its offsets. Readers fill these; {@link Lines#build} numbers them and
 * lays them out in one text.
 */
final class Row {
    final int page;
    String text;
    /** The text as the reader built it, before the table grid rewrote it (OCR words are placed by it). */
    final String read;
    /** Soft wrap: the paragraph goes on in the next row. */
    boolean continues;
    /** Cells separated by '\t' were found (a table candidate when several such rows follow each other). */
    boolean tabular;
    /** Table index, -1 for prose. */
    int table = -1;

    Row(int page, String text) {
        this.page = page;
        this.text = text;
        this.read = text;
    }

    Row(int page, String text, int table) {
        this(page, text);
        this.table = table;
        this.tabular = table >= 0;
    }

    @Override public String toString() { return page + ":" + text; }
}
