package figtrace.tables;

import figtrace.model.Table;
import figtrace.model.TableCell;
import figtrace.model.TableColumn;
import figtrace.model.TableRow;
import figtrace.review.ReviewedExport;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The XLSX export's table sheets, read back with POI: one sheet per table, numeric cells numbers, codes text. */
class TableSheetsTest {

    private static Table table(String doc, int seq, String caption, String side) {
        List<TableColumn> columns = List.of(
                new TableColumn(0, "科目编码", "code", null, null, null, null, null),
                new TableColumn(1, "项目", "label", null, null, null, null, null),
                new TableColumn(2, "2024年完成数", "value", null, "2024", "完成数", null, null),
                new TableColumn(3, "比上年增（减）%", "value", null, "2024", null, "%", "growth"));
        List<TableRow> rows = List.of(
                new TableRow(0, 3, 10, 100, 140, "一、税收收入", 1, -1, "税收收入", null, null),
                new TableRow(1, 3, 11, 141, 180, "增值税", 0, 0, "增值税", null, null));
        List<TableCell> cells = List.of(
                new TableCell(0, 0, 100, 107, "1010101", null),
                new TableCell(0, 1, 108, 114, "一、税收收入", null),
                new TableCell(0, 2, 115, 124, "5,268,766", "f1"),
                new TableCell(0, 3, 125, 130, "96.1%", "f2"),
                new TableCell(1, 1, 141, 144, "增值税", null),
                new TableCell(1, 2, 145, 150, "-1407", "f3"),
                new TableCell(1, 3, 151, 152, "-", null));
        return new Table("t" + doc.hashCode() + seq, doc, seq, List.of(3), caption, "万元", side,
                List.of(List.of("项目", "2024年完成数", "比上年增（减）%")), columns, rows, cells);
    }

    @Test
    void everyTableIsASheetWithNumbersAsNumbersAndCodesAsText() throws Exception {
        List<Table> tables = new ArrayList<>();
        String longCaption = "表一：2024年自治区一般公共预算收入执行情况表（含自治区本级和地州市级的全部收入项目）";
        for (int k = 0; k < 3; k++) tables.add(table("xinjiang.pdf", k, longCaption, null));
        tables.add(table("xinjiang.pdf", 3, "表二：收支[总表]/2024?", "收入"));
        tables.add(table("wuzhong.pdf", 0, longCaption, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReviewedExport.writeXlsx(List.of(), Map.of("panel", List.<String[]>of(new String[]{"a"})), tables, out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            // figures, panel, the index and one sheet per table
            assertEquals(3 + tables.size(), book.getNumberOfSheets());
            Set<String> names = new HashSet<>();
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                String name = book.getSheetName(i);
                assertTrue(name.length() <= 31, name);
                assertTrue(names.add(name.toLowerCase()), "unique: " + name);
                assertFalse(name.matches(".*[\\[\\]:*?/\\\\].*"), name);
            }
            Sheet index = book.getSheet("tables");
            assertNotNull(index);
            String first = index.getRow(1).getCell(0).getStringCellValue();
            assertEquals("xinjiang.pdf", index.getRow(1).getCell(1).getStringCellValue());
            assertEquals("万元", index.getRow(1).getCell(3).getStringCellValue());
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, index.getRow(1).getCell(8).getCellType(),
                    "the figure count is a number");
            assertNotNull(((org.apache.poi.xssf.usermodel.XSSFSheet) index).getCTWorksheet().getAutoFilter(),
                    "the index sheet has a filter");
            assertTrue(index.getColumnWidth(2) > index.getColumnWidth(7), "the caption column is wider than a count");

            Sheet sheet = book.getSheet(first);
            assertEquals("2024年完成数", sheet.getRow(0).getCell(2).getStringCellValue());
            assertEquals(CellType.NUMERIC, sheet.getRow(1).getCell(2).getCellType());
            assertEquals(5268766.0, sheet.getRow(1).getCell(2).getNumericCellValue());
            assertEquals(96.1, sheet.getRow(1).getCell(3).getNumericCellValue());
            assertEquals(-1407.0, sheet.getRow(2).getCell(2).getNumericCellValue());
            // a code is a label, never a number; an empty mark stays as printed
            assertEquals(CellType.STRING, sheet.getRow(1).getCell(0).getCellType());
            assertEquals("1010101", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("一、税收收入", sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(2).getCell(3).getCellType());
            // the second document's sheets are numbered apart from the first's
            assertEquals("wuzhong.pdf", index.getRow(5).getCell(1).getStringCellValue());
            assertTrue(index.getRow(5).getCell(0).getStringCellValue().startsWith("2-1 "));
        }
    }

    @Test
    void numbersAsPrinted() {
        assertEquals(5268766.0, TableSheets.number("5,268,766"));
        assertEquals(-3.0, TableSheets.number("-3.0%"));
        assertNull(TableSheets.number("—"));
        assertNull(TableSheets.number("2010105 税收"));
    }
}
