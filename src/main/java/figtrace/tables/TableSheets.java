package figtrace.tables;

import figtrace.model.Table;
import figtrace.model.TableCell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rebuilt tables as workbook sheets (issue 10): an index sheet {@code tables} (sheet, document, caption, unit,
 * pages, side, table id), then one sheet per table laid out as printed: a row of column headers, then the body rows.
 * A figure cell is a numeric spreadsheet cell holding the number as printed (5,268,766 → 5268766; 96.1% → 96.1, the
 * header says the unit); labels, codes (科目编码) and units stay text. Sheet names are at most 31 characters, unique
 * and free of the characters Excel forbids.
 */
public final class TableSheets {
    private static final int MAX_NAME = 31;

    private TableSheets() {}

    /**
     * The stored tables of a run's database: of one document (or of every document when {@code doc} is null), in
     * document order ({@code figtrace.store.SqliteStore#storedTables}).
     */
    public static List<Table> load(java.nio.file.Path db, String doc) throws SQLException {
        return figtrace.store.SqliteStore.storedTables(db, doc);
    }

    /** Adds the index sheet and one sheet per table to the workbook; names already in it are not reused. */
    public static void write(Workbook workbook, List<Table> tables) {
        if (tables.isEmpty()) return;
        Set<String> used = new HashSet<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) used.add(workbook.getSheetName(i).toLowerCase(Locale.ROOT));
        String indexName = unique("tables", used);
        Sheet index = workbook.createSheet(indexName);
        text(index.createRow(0), "sheet", "doc", "caption", "unit", "pages", "side", "table_id", "rows", "figures");
        List<String> docs = new ArrayList<>();
        int r = 1;
        for (Table t : tables) {
            if (!docs.contains(t.doc())) docs.add(t.doc());
            String name = sheetName(docs.indexOf(t.doc()) + 1, t, used);
            Row line = index.createRow(r++);
            text(line, name, t.doc(), n(t.caption()), n(t.unit()),
                    t.pages().isEmpty() ? "" : t.pages().toString(), n(t.side()), t.id());
            line.createCell(7).setCellValue(t.rows().size()); // counts are numbers a spreadsheet can sort and sum
            line.createCell(8).setCellValue(t.figureCount());
            writeTable(workbook.createSheet(name), t);
        }
        index.createFreezePane(0, 1);
        index.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, r - 1, 0, INDEX_WIDTHS.length - 1));
        for (int c = 0; c < INDEX_WIDTHS.length; c++) index.setColumnWidth(c, 256 * INDEX_WIDTHS[c]);
    }

    /** Widths in characters of the index sheet's columns (sheet, doc, caption, unit, pages, side, table_id, rows, figures). */
    private static final int[] INDEX_WIDTHS = {32, 28, 60, 10, 12, 10, 20, 8, 8};

    private static void writeTable(Sheet sheet, Table t) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < t.columns().size(); c++) head.createCell(c).setCellValue(t.columns().get(c).header());
        Row[] rows = new Row[t.rows().size()];
        for (TableCell cell : t.cells()) {
            Row row = rows[cell.row()];
            if (row == null) row = rows[cell.row()] = sheet.createRow(cell.row() + 1);
            Double number = cell.figureId() == null ? null : number(cell.text());
            if (number != null) row.createCell(cell.column()).setCellValue(number);
            else row.createCell(cell.column()).setCellValue(figtrace.store.SpreadsheetSafety.safe(cell.text()));
        }
        sheet.createFreezePane(1, 1);
        if (!t.columns().isEmpty()) sheet.setColumnWidth(0, 256 * 28);
    }

    /** The number a figure cell prints (thousands separators and a trailing % left out), or null when it is none. */
    static Double number(String text) {
        String s = text.strip().replace(",", "").replace("，", "");
        if (s.endsWith("%") || s.endsWith("％")) s = s.substring(0, s.length() - 1);
        if (!s.matches("[+-]?\\d{1,17}(\\.\\d{1,17})?")) return null;
        return new BigDecimal(s).doubleValue();
    }

    /** "{doc number}-{table number} {caption}", cut to 31 characters, without []:*?/\ and unique (~2, ~3 …). */
    static String sheetName(int docNumber, Table t, Set<String> used) {
        String caption = t.caption() == null ? "" : t.caption();
        if (t.side() != null) caption = caption + " " + t.side();
        String base = (docNumber + "-" + (t.seq() + 1) + " " + caption).replaceAll("[\\[\\]:*?/\\\\]", " ")
                .replaceAll("\\s+", " ").strip();
        // Excel forbids a leading or trailing apostrophe
        base = base.replaceAll("^'+|'+$", "");
        return unique(base, used);
    }

    private static String unique(String base, Set<String> used) {
        String name = cut(base, MAX_NAME);
        for (int k = 2; used.contains(name.toLowerCase(Locale.ROOT)); k++) {
            String suffix = "~" + k;
            name = cut(base, MAX_NAME - suffix.length()).strip() + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private static String cut(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }

    private static void text(Row row, String... values) {
        for (int c = 0; c < values.length; c++) row.createCell(c).setCellValue(figtrace.store.SpreadsheetSafety.safe(values[c]));
    }

    private static String n(String s) { return s == null ? "" : s; }
}
