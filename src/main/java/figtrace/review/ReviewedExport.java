package figtrace.review;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import figtrace.store.FigureColumns;
import figtrace.store.SpreadsheetSafety;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reviewed table for people: every figure column with the reviewers' corrections applied, then
 * {@code review_status} and {@code review_notes}. CSV starts with a byte-order mark so spreadsheets read UTF-8;
 * in CSV and XLSX alike, text cells starting with = + - @ are defused (a spreadsheet would run them as formulas).
 */
public final class ReviewedExport {


    private ReviewedExport() {}

    public static List<String> header() {
        List<String> header = new ArrayList<>();
        for (String column : FigureColumns.names()) {
            header.add(column);
            if (column.equals("value")) header.add("value_num");
        }
        header.add("review_status");
        header.add("review_notes");
        return header;
    }

    /** One row as text cells, in {@link #header()} order, not yet made spreadsheet-safe. */
    public static List<String> cells(ReviewedFigure row) {
        Map<String, Object> values = row.review().apply(row.figure());
        List<String> cells = new ArrayList<>();
        for (String column : FigureColumns.names()) {
            Object v = values.get(column);
            // A quote keeps a PDF's line breaks in the data; a spreadsheet cell reads it on one line.
            cells.add(column.equals("quote") && v != null ? oneLine(v.toString()) : text(v));
            // value_num: the nearest double, written in plain digits (4008000000, not 4.008E9, which no spreadsheet
            // reads as a number)
            if (column.equals("value")) {
                cells.add(v instanceof BigDecimal d ? BigDecimal.valueOf(d.doubleValue()).stripTrailingZeros()
                        .toPlainString() : "");
            }
        }
        cells.add(row.review().status().code());
        cells.add(String.join(" | ", row.review().notes()));
        return cells;
    }

    public static void writeCsv(List<ReviewedFigure> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVWriter csv = new CSVWriter(writer, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\r\n");
        csv.writeNext(header().toArray(String[]::new));
        for (ReviewedFigure row : rows) {
            csv.writeNext(cells(row).stream().map(SpreadsheetSafety::safe).toArray(String[]::new));
        }
        csv.flush();
        if (csv.checkError()) throw new IOException("cannot write the CSV export");
    }

    public static void writeXlsx(List<ReviewedFigure> rows, OutputStream out) throws IOException {
        writeXlsx(rows, Map.of(), out);
    }

    /**
     * The figures sheet, then one sheet per entry of {@code moreSheets} (name → table, header first), in its order.
     * Numbers are numeric cells wherever a spreadsheet's double holds them exactly (661693000000, 14.48), else exact
     * text, so no digit is ever lost; {@code target} is a boolean; codes and ids stay text. Every sheet has a frozen
     * header row, a filter on it and column widths that fit the content type.
     */
    public static void writeXlsx(List<ReviewedFigure> rows, Map<String, List<String[]>> moreSheets, OutputStream out)
            throws IOException {
        writeXlsx(rows, moreSheets, List.of(), out);
    }

    /**
     * As {@link #writeXlsx(List, Map, OutputStream)}, then the rebuilt tables: an index sheet and one sheet per table
     * as printed, numeric cells as numbers ({@link figtrace.tables.TableSheets}).
     */
    public static void writeXlsx(List<ReviewedFigure> rows, Map<String, List<String[]>> moreSheets,
                                 List<figtrace.model.Table> tables, OutputStream out) throws IOException {
        // Streaming workbook: keeps only a window of rows in memory, so 50k figures export without a big heap.
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            List<String> header = header();
            List<String[]> figures = new java.util.ArrayList<>(rows.size() + 1);
            figures.add(header.toArray(String[]::new));
            for (ReviewedFigure figure : rows) figures.add(cells(figure).toArray(String[]::new));
            writeSheet(workbook, "figures", figures);
            for (Map.Entry<String, List<String[]>> extra : moreSheets.entrySet()) {
                writeSheet(workbook, extra.getKey(), extra.getValue());
            }
            figtrace.tables.TableSheets.write(workbook, tables);
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void writeSheet(SXSSFWorkbook workbook, String name, List<String[]> table) {
        Sheet sheet = workbook.createSheet(name);
        String[] header = table.isEmpty() ? new String[0] : table.get(0);
        for (int i = 0; i < table.size(); i++) {
            Row row = sheet.createRow(i);
            String[] cells = table.get(i);
            for (int c = 0; c < cells.length; c++) {
                String text = cells[c];
                if (text == null || text.isEmpty()) continue;
                Cell cell = row.createCell(c);
                if (i == 0) { cell.setCellValue(text); continue; }
                String column = c < header.length ? header[c] : "";
                if (column.equals("target") && (text.equals("true") || text.equals("false"))) {
                    cell.setCellValue(Boolean.parseBoolean(text));
                    continue;
                }
                // Codes and ids are names, not quantities: 650000 stays text, so no tool sums it.
                boolean isName = column.endsWith("_code") || column.endsWith("_id") || column.endsWith("_ids")
                        || column.equals("id") || column.equals("raw");
                if (column.equals("value_num")) {
                    // a number for sorting by definition: always a numeric cell
                    try {
                        cell.setCellValue(Double.parseDouble(text));
                        continue;
                    } catch (NumberFormatException e) {
                        // not a number after all: written as text below
                    }
                }
                Double exact = isName ? null : exactNumber(text);
                if (exact != null) cell.setCellValue(exact);
                else cell.setCellValue(SpreadsheetSafety.safe(text));
            }
        }
        if (header.length > 0) {
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, table.size() - 1), 0,
                    header.length - 1));
            for (int c = 0; c < header.length; c++) sheet.setColumnWidth(c, 256 * width(header[c]));
        }
    }

    /** A column's width in characters, by what it holds: quotes and reasons wide, flags and numbers narrow. */
    private static int width(String column) {
        return switch (column) {
            case "quote", "first_quote", "second_quote", "reason", "review_notes", "title" -> 60;
            case "subject", "indicator", "doc", "first_doc", "second_doc", "note", "figure_ids" -> 28;
            case "page", "line", "char_start", "char_end", "span_start", "span_end", "target", "n_sources" -> 8;
            default -> 14;
        };
    }

    /** The number a cell holds when a spreadsheet's double represents it exactly (no digit lost), else null. */
    static Double exactNumber(String text) {
        if (!text.matches("-?\\d{1,17}(\\.\\d{1,17})?")) return null;
        BigDecimal exact = new BigDecimal(text);
        double d = exact.doubleValue();
        return Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(exact) == 0 ? d : null;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String text(Object value) {
        if (value == null) return "";
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
