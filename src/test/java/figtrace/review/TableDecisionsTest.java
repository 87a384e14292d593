package figtrace.review;

import figtrace.cli.Main;
import figtrace.model.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A correction of a table column's meaning, made once, reaches every cell under it, is undone as a whole, and holds
 * after the document changes and is extracted again (new figure and table ids): it is kept by the column's header,
 * not by ids or positions. A column's unit correction rescales the printed numbers.
 */
class TableDecisionsTest {

    @TempDir Path dir;

    private static final String TABLE = """
            <table>
            <tr><td colspan="3">表1 2024年各县市财政收入</td></tr>
            <tr><td>单位：万元</td></tr>
            <tr><td>县市</td><td>2024年执行数</td><td>比上年增长%</td></tr>
            <tr><td>甲县</td><td>12,345</td><td>5.2</td></tr>
            <tr><td>乙县</td><td>23,456</td><td>6.3</td></tr>
            <tr><td>丙县</td><td>34,567</td><td>-1.4</td></tr>
            </table>
            """;

    private Path corpus, out;

    private void write(String prefix) throws Exception {
        Files.writeString(corpus.resolve("budget.html"), "<html><body><p>某州2024年预算执行情况</p>" + prefix + TABLE
                + "</body></html>", StandardCharsets.UTF_8);
    }

    private void run() {
        StringWriter text = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(text, true));
        cl.setErr(new PrintWriter(text, true));
        assertEquals(Main.OK, cl.execute("run", corpus.toString(), "--out", out.toString(), "--in-process", "-q"),
                text.toString());
    }

    /** The figures under the table's column whose header holds {@code header}, with their reviews. */
    private List<ReviewedFigure> column(String header) {
        Path db = out.resolve("figtrace.db");
        try (ReviewStore reviews = ReviewStore.open(db); FigureTable table = FigureTable.open(db, reviews);
             TableCells cells = TableCells.open(db)) {
            TableCells.TableInfo t = cells.tables("budget.html").get(0);
            TableDecision probe = new TableDecision(0, "budget.html", t.id(), t.caption(), "column", header(cells, t, header),
                    "region", null, null, false);
            List<String> ids = cells.under(probe).stream().map(c -> c.key().id()).toList();
            return table.all(FigureFilter.ALL, null).stream().filter(r -> ids.contains(r.figure().id())).toList();
        }
    }

    private static String header(TableCells cells, TableCells.TableInfo t, String part) {
        String model = cells.model(t.doc(), t.id());
        try {
            for (var c : figtrace.json.Json.MAPPER.readTree(model).path("columns")) {
                if (c.path("header").asText().contains(part)) return c.path("header").asText();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no column " + part + " in " + model);
    }

    private TableDecision correct(String header, String field, String value) {
        Path db = out.resolve("figtrace.db");
        try (ReviewStore reviews = ReviewStore.open(db); TableCells cells = TableCells.open(db)) {
            TableCells.TableInfo t = cells.tables("budget.html").get(0);
            TableDecision draft = new TableDecision(0, "budget.html", t.id(), t.caption(), "column",
                    header(cells, t, header), field, value, null, false);
            var scale = new UnitScale(Map.of("元", new figtrace.rules.UnitInfo("元", "CNY", "money", BigDecimal.ONE, null)),
                    Map.of("万", new BigDecimal("10000"), "亿", new BigDecimal("100000000")));
            return reviews.recordTableDecision(draft.doc(), draft.tableId(), draft.caption(), "column", draft.header(),
                    field, value, TableCells.corrections(draft, cells.under(draft), scale));
        }
    }

    @Test
    void aColumnCorrectionReachesEveryCellIsUndoneAsAWholeAndHoldsAfterReExtraction() throws Exception {
        corpus = Files.createDirectories(dir.resolve("corpus"));
        out = dir.resolve("out");
        write("");
        run();
        List<ReviewedFigure> before = column("执行数");
        assertEquals(3, before.size(), "three cells under 2024年执行数");

        TableDecision d = correct("执行数", "region", "新疆");
        for (ReviewedFigure r : column("执行数")) {
            assertEquals(ReviewStatus.CORRECTED, r.review().status());
            assertEquals("新疆", r.review().apply(r.figure()).get("region"));
        }
        assertTrue(column("增长").stream().allMatch(r -> r.review().status() == ReviewStatus.UNREVIEWED),
                "the other column is untouched");

        // undo takes back the column's decision and its cells' corrections together
        try (ReviewStore reviews = ReviewStore.open(out.resolve("figtrace.db"))) {
            ReviewStore.Undo undo = reviews.undoLast();
            assertEquals(3, undo.figures());
            assertTrue(reviews.tableDecisions(true).get(0).undone());
            assertTrue(reviews.tableDecisions(false).isEmpty());
        }
        assertTrue(column("执行数").stream().allMatch(r -> r.review().status() == ReviewStatus.UNREVIEWED));

        // made again, then the document changes above the table: new sha256, new offsets, new figure and table ids
        correct("执行数", "region", "新疆");
        List<String> oldIds = column("执行数").stream().map(r -> r.figure().id()).toList();
        write("<p>（本报告经州人大常委会审议。）</p>");
        run();
        List<ReviewedFigure> after = column("执行数");
        assertEquals(3, after.size());
        assertFalse(after.stream().anyMatch(r -> oldIds.contains(r.figure().id())), "the figure ids changed");
        for (ReviewedFigure r : after) {
            assertEquals(ReviewStatus.CORRECTED, r.review().status(), r.figure().raw());
            assertEquals("新疆", r.review().apply(r.figure()).get("region"), r.figure().raw());
        }
        assertEquals(d.field(), "region");
    }

    @Test
    void aColumnsUnitCorrectionRescalesItsPrintedNumbers() throws Exception {
        corpus = Files.createDirectories(dir.resolve("corpus"));
        out = dir.resolve("out");
        write("");
        run();
        correct("执行数", "unit", "亿元");
        Map<String, String> values = new java.util.TreeMap<>();
        for (ReviewedFigure r : column("执行数")) {
            Map<String, Object> fixed = r.review().apply(r.figure());
            assertEquals("CNY", fixed.get("unit"));
            values.put(r.figure().raw(), ((BigDecimal) fixed.get("value")).toPlainString());
        }
        assertEquals(Map.of("12,345", "1234500000000", "23,456", "2345600000000", "34,567", "3456700000000"), values);
        Figure any = column("执行数").get(0).figure();
        assertEquals(new BigDecimal("10000"), any.value().divide(new BigDecimal(any.raw().replace(",", ""))),
                "extracted as 万元 before the correction");
    }
}
