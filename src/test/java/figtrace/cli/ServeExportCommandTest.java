package figtrace.cli;

import figtrace.review.Action;
import figtrace.review.FigureKey;
import figtrace.review.ReviewStore;
import figtrace.testing.TestDb;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class ServeExportCommandTest {

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli(Object command) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    @Test
    void serveWithoutADatabaseExitsTwoAndSaysToRunFirst() {
        assertEquals(2, cli(new ServeCommand()).execute("--out", dir.resolve("none").toString(), "--port", "0"));
        assertTrue(err.toString().contains("run ./figtrace run first"), err.toString());
    }

    @Test
    void serveAnswersOnLocalhostUntilStopped() throws Exception {
        TestDb.create(dir.resolve("extracted/figtrace.db"));
        ServeCommand serve = new ServeCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli(serve).execute("--out",
                dir.resolve("extracted").toString(), "--corpus", dir.toString(), "--port", "0"));
        for (int i = 0; i < 100 && serve.server == null; i++) Thread.sleep(50);
        assertNotNull(serve.server, err.toString());
        URI uri = serve.server.uri();
        assertEquals("127.0.0.1", uri.getHost(), "binds 127.0.0.1 by default");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("figtrace 数字审阅"));
        serve.stop.countDown();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertTrue(out.toString().contains("figtrace review page: http://127.0.0.1:"), out.toString());
    }

    @Test
    void exportWritesCsvAndXlsxWithStatusFilter() throws Exception {
        Path db = TestDb.create(dir.resolve("extracted/figtrace.db"));
        var gdp = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(0);
        try (ReviewStore reviews = ReviewStore.open(db)) {
            reviews.record(new FigureKey(gdp.doc(), gdp.id()), Action.ACCEPT, null, null, "核对无误");
        }
        Path csv = dir.resolve("reviewed.csv");
        assertEquals(0, cli(new ExportCommand()).execute("--out", dir.resolve("extracted").toString(), "--to",
                csv.toString()), err.toString());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFid,") || text.startsWith("\uFEFF\"id\""), text.substring(0, 20));
        assertEquals(9, text.split("\r\n").length, "header and 8 figures");
        Path xlsx = dir.resolve("accepted.xlsx");
        assertEquals(0, cli(new ExportCommand()).execute("--out", dir.resolve("extracted").toString(), "--to",
                xlsx.toString(), "--status", "accepted"), err.toString());
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertEquals(2, sheet.getPhysicalNumberOfRows());
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            var row = sheet.getRow(1);
            var value = row.getCell(header.indexOf("value"));
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, value.getCellType(), "values are numbers");
            assertEquals(0, gdp.value().compareTo(new java.math.BigDecimal(
                    org.apache.poi.ss.util.NumberToTextConverter.toText(value.getNumericCellValue()))), "exactly");
            assertEquals(org.apache.poi.ss.usermodel.CellType.BOOLEAN, row.getCell(header.indexOf("target")).getCellType());
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, row.getCell(header.indexOf("id")).getCellType());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow(), "frozen header");
            assertEquals("panel", book.getSheetName(1));
            assertEquals("panel_checks", book.getSheetName(2));
        }
        assertEquals(2, cli(new ExportCommand()).execute("--out", dir.resolve("extracted").toString(), "--to",
                xlsx.toString(), "--status", "maybe"));
        assertTrue(err.toString().contains("unknown review status 'maybe'"), err.toString());
    }
}
