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

    /** Columns written as numbers in XLSX: small integers only, so no digit is ever lost to a double. */
    private static final Set<String> INTEGER_COLUMNS = Set.of("page", "line", "char_start", "char_end", "span_start",
            "span_end");

    private ReviewedExport() {}

    public static List<String> header() {
        List<String> header = new ArrayList<>(FigureColumns.names());
        header.add("review_status");
        header.add("review_notes");
        return header;
    }

    /** One row as text cells, in {@link #header()} order, not yet made spreadsheet-safe. */
    public static List<String> cells(ReviewedFigure row) {
        Map<String, Object> values = row.review().apply(row.figure());
        List<String> cells = new ArrayList<>();
        for (String column : FigureColumns.names()) cells.add(text(values.get(column)));
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
     * In those sheets a cell that is a plain number a spreadsheet can hold exactly is written as a number.
     */
    public static void writeXlsx(List<ReviewedFigure> rows, Map<String, List<String[]>> moreSheets, OutputStream out)
            throws IOException {
        // Streaming workbook: keeps only a window of rows in memory, so 50k figures export without a big heap.
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Sheet sheet = workbook.createSheet("figures");
            List<String> header = header();
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) first.createCell(c).setCellValue(header.get(c));
            int r = 1;
            for (ReviewedFigure figure : rows) {
                Row row = sheet.createRow(r++);
                List<String> cells = cells(figure);
                for (int c = 0; c < cells.size(); c++) {
                    String text = cells.get(c);
                    if (text.isEmpty()) continue;
                    Cell cell = row.createCell(c);
                    if (INTEGER_COLUMNS.contains(header.get(c))) cell.setCellValue(Long.parseLong(text));
                    else cell.setCellValue(SpreadsheetSafety.safe(text));
                }
            }
            for (Map.Entry<String, List<String[]>> extra : moreSheets.entrySet()) {
                Sheet more = workbook.createSheet(extra.getKey());
                int i = 0;
                for (String[] cells : extra.getValue()) {
                    Row row = more.createRow(i);
                    for (int c = 0; c < cells.length; c++) {
                        String text = cells[c];
                        if (text == null || text.isEmpty()) continue;
                        Cell cell = row.createCell(c);
                        // Codes and ids are names, not quantities: 650000 stays text, so no tool sums it.
                        String column = extra.getValue().get(0)[c];
                        boolean name = column.endsWith("_code") || column.endsWith("_id") || column.endsWith("_ids");
                        Double exact = i == 0 || name ? null : exactNumber(text);
                        if (exact != null) cell.setCellValue(exact);
                        else cell.setCellValue(SpreadsheetSafety.safe(text));
                    }
                    i++;
                }
                more.createFreezePane(0, 1);
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** The number a cell holds when a spreadsheet's double represents it exactly (no digit lost), else null. */
    static Double exactNumber(String text) {
        if (!text.matches("-?\\d+(\\.\\d+)?")) return null;
        BigDecimal exact = new BigDecimal(text);
        double d = exact.doubleValue();
        return Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(exact) == 0 ? d : null;
    }

    private static String text(Object value) {
        if (value == null) return "";
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
