package figtrace.web;

import figtrace.cli.Main;
import figtrace.testing.SharedFolder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The review page on a real budget PDF (eight table pages of the Xinjiang 2024 budget execution tables, cut from
 * {@code ../shared/realdocs} so the run stays short): a figure is framed on the page image; the figures of a filter
 * result are bulk-accepted, the bulk action is undone, another result is rejected; the document is then changed and
 * run again (every figure id changes with its content), and the decisions hold. Screenshots at 1366×768 and
 * 1920×1080 go to target/screenshots for a person to look at.
 */
class RealBudgetReviewBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String DOC = "xinjiang_2024_budget_tables_p3-10.pdf";

    @TempDir Path dir;
    private Path corpus, out;
    private ReviewServer server;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (SharedFolder.isCi()) assertTrue(installed, "CI needs chromium and chromedriver (.ci/setup-browser)");
        assumeTrue(installed, "chromium or chromedriver missing; run .ci/setup-browser; skipping outside CI");
        Path source = SharedFolder.require("realdocs/pdf_xinjiang_2024_budget_execution_tables.pdf");
        corpus = Files.createDirectories(dir.resolve("corpus"));
        out = dir.resolve("extracted");
        cutPages(source, 3, 10, corpus.resolve(DOC), false);
        run();
        startServer();
        System.setProperty("SE_OFFLINE", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60)); // returns as soon as the page is ready; long only for a loaded machine
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    /** Pages {@code from}–{@code to} of a PDF as a new PDF; {@code blankPage} appends an empty page (new content). */
    static void cutPages(Path source, int from, int to, Path target, boolean blankPage) throws Exception {
        try (PDDocument all = Loader.loadPDF(source.toFile()); PDDocument part = new PDDocument()) {
            for (int p = from; p <= to; p++) part.importPage(all.getPage(p - 1));
            if (blankPage) part.addPage(new PDPage());
            part.save(target.toFile());
        }
    }

    private void run() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        var cl = Main.commandLine();
        cl.setOut(new java.io.PrintWriter(new PrintStream(text), true));
        cl.setErr(new java.io.PrintWriter(new PrintStream(text), true));
        int code = cl.execute("run", corpus.toString(), "--out", out.toString(), "--in-process", "-q");
        assertEquals(Main.OK, code, text.toString());
    }

    private void startServer() {
        server = ReviewServer.start("127.0.0.1", 0, out.resolve("figtrace.db"), corpus);
    }

    private List<WebElement> rows() { return browser.findElements(By.cssSelector("#rows tr.row")); }

    private String pageInfo() { return browser.findElement(By.id("page-info")).getText(); }

    private void select(String id, String value) { new Select(browser.findElement(By.id(id))).selectByValue(value); }

    private void search(String text) {
        WebElement q = browser.findElement(By.id("f-q"));
        q.clear();
        if (!text.isEmpty()) q.sendKeys(text);
    }

    /** The number of figures the table says the filter matches (共 N 条). */
    private int total() {
        String info = pageInfo();
        return Integer.parseInt(info.replaceAll(".*共 (\\d+) 条.*", "$1"));
    }

    private void waitForTotal(int n) { wait.until(d -> pageInfo().contains("共 " + n + " 条")); }

    private void openPage() {
        browser.get(server.uri().toString());
        wait.until(d -> !rows().isEmpty());
        select("f-doc", DOC);
        wait.until(d -> pageInfo().contains("共") && !rows().isEmpty()
                && rows().get(0).getAttribute("data-doc").equals(DOC));
    }

    @Test
    void aFigureIsFramedOnItsPageImage() throws Exception {
        openPage();
        assertTrue(total() > 300, "eight pages of budget tables give hundreds of figures: " + total());
        // the table may render again while the page settles (a stale row under load): click the row as it is now
        wait.until(d -> {
            try {
                rows().get(3).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#source li.cited mark.figure")));
        browser.findElement(By.id("btn-page-image")).click();
        WebElement frame = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-box")));
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "const i = document.getElementById('page-image'); return i.complete && i.naturalWidth > 0")));
        Object inside = browser.executeScript("const b = document.getElementById('page-box').getBoundingClientRect();"
                + " const i = document.getElementById('page-image').getBoundingClientRect();"
                + " return b.width > 4 && b.height > 4 && b.left >= i.left && b.right <= i.right && b.top >= i.top"
                + " && b.bottom <= i.bottom && b.width < i.width / 3;");
        assertEquals(Boolean.TRUE, inside, "the frame lies on the page image around one figure");
        assertEquals("line", frame.getAttribute("data-how"));
        screenshot("real-budget-page-1366x768.png");
        browser.manage().window().setSize(new Dimension(1920, 1080));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-box")));
        screenshot("real-budget-page-1920x1080.png");
    }

    /**
     * Issue 16's flow on the table view: bulk-accept a table, undo it, reject a column; issue 10's: check a cell,
     * correct a column's region once. Then the document changes and is run again (every figure and table id changes
     * with the content) and the decisions and the correction hold.
     */
    @Test
    void tableViewBulkAcceptUndoRejectColumnCorrectRegionReRunDecisionsHold() throws Exception {
        browser.get(server.uri().toString());
        wait.until(d -> !rows().isEmpty());
        browser.findElement(By.id("tab-tables")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#t-table option")).isEmpty());
        // the first table with a column of regions or periods and at least two value columns
        wait.until(d -> !d.findElements(By.cssSelector("#table-body td.fig")).isEmpty());
        int cells = browser.findElements(By.cssSelector("#table-body td.fig")).size();
        assertTrue(cells > 10, "a budget table holds many figure cells: " + cells);
        screenshot("real-budget-table-1366x768.png");

        // check a cell: it opens its figure and its page, framed
        WebElement cell = browser.findElements(By.cssSelector("#table-body td.fig")).get(0);
        String cellText = cell.getText();
        cell.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#t-quote mark"), cellText));
        wait.until(d -> !d.findElements(By.cssSelector("#t-page-frame .page-box-more")).isEmpty());

        // bulk-accept the table, then undo it
        int figures = tableFigures();
        browser.findElement(By.id("t-accept")).click();
        var alert = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(alert.getText().contains(String.valueOf(figures)), alert.getText());
        alert.accept();
        wait.until(d -> d.findElements(By.cssSelector("#table-body td.fig")).stream()
                .allMatch(td -> td.getAttribute("class").contains("cell-accepted")));
        browser.findElement(By.id("t-undo")).click();
        wait.until(d -> d.findElements(By.cssSelector("#table-body td.fig")).stream()
                .allMatch(td -> td.getAttribute("class").contains("cell-unreviewed")));

        // reject the last value column; accept the first cell of another
        List<WebElement> axes = browser.findElements(By.cssSelector("#table-head tr.meaning th.axis"));
        assertTrue(axes.size() >= 2, "value columns: " + axes.size());
        int rejectColumn = Integer.parseInt(axes.get(axes.size() - 1).getAttribute("data-column"));
        axes.get(axes.size() - 1).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("t-correct-form")));
        browser.findElement(By.id("t-axis-reject")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> columnCells(rejectColumn).stream().allMatch(td -> td.getAttribute("class").contains("cell-rejected")));
        int rejected = columnCells(rejectColumn).size();

        // correct the first value column's region once: every cell under it gets it
        int regionColumn = Integer.parseInt(browser.findElements(By.cssSelector("#table-head tr.meaning th.axis"))
                .get(0).getAttribute("data-column"));
        browser.findElements(By.cssSelector("#table-head tr.meaning th.axis")).get(0).click();
        new Select(browser.findElement(By.id("t-correct-field"))).selectByValue("region");
        WebElement value = browser.findElement(By.id("t-correct-value"));
        value.clear();
        value.sendKeys("乌鲁木齐市");
        browser.findElement(By.id("t-correct-save")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> columnCells(regionColumn).stream().allMatch(td -> td.getAttribute("class").contains("cell-corrected")));
        int corrected = columnCells(regionColumn).size();
        assertEquals(corrected, columnRegionCount(regionColumn, "乌鲁木齐市"),
                "every cell under the column has the corrected region");
        String caption = browser.findElement(By.id("t-caption")).getText();
        screenshot("real-budget-table-reviewed-1366x768.png");

        // re-run on changed content (a page appended: the sha256 and every figure and table id change)
        server.close();
        server = null;
        cutPages(SharedFolder.path("realdocs/pdf_xinjiang_2024_budget_execution_tables.pdf"), 3, 10,
                corpus.resolve(DOC), true);
        run();
        startServer();
        browser.get(server.uri().toString());
        wait.until(d -> !rows().isEmpty());
        assertEquals(0, orphans(), "no decision lost its figure");
        assertEquals(rejected, statusCount("rejected"), "the rejected column holds after the re-run");
        browser.findElement(By.id("tab-tables")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#table-body td.fig")).isEmpty());
        assertEquals(corrected, columnRegionCount(regionColumn, "乌鲁木齐市"), "the column's region holds after the re-run");
        assertEquals(caption, browser.findElement(By.id("t-caption")).getText());
        wait.until(d -> columnCells(rejectColumn).stream().allMatch(td -> td.getAttribute("class").contains("cell-rejected")));
        wait.until(d -> columnCells(regionColumn).stream().allMatch(td -> td.getAttribute("class").contains("cell-corrected")));
    }

    private int tableFigures() {
        return browser.findElements(By.cssSelector("#table-body td.fig")).size();
    }

    private List<WebElement> columnCells(int column) {
        return browser.findElements(By.cssSelector("#table-body td.fig[data-column='" + column + "']"));
    }

    /** How many figures under a column of the shown table carry {@code region} (corrections applied). */
    private int columnRegionCount(int column, String region) {
        Object n = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " const p = new URLSearchParams({doc: arguments[0], table: document.getElementById('t-table').value,"
                + " column: arguments[1], size: 500});"
                + " fetch('/api/figures?' + p).then(r => r.json())"
                + ".then(b => done(b.rows.filter(r => r.region === arguments[2]).length));", DOC, column, region);
        return ((Number) n).intValue();
    }

    /** How many figures of the document have {@code status}, asked from the page's own API. */
    private int statusCount(String status) {
        Object n = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch('/api/figures?size=1&doc=' + encodeURIComponent(arguments[0]) + '&status=' + arguments[1])"
                + ".then(r => r.json()).then(b => done(b.total));", DOC, status);
        return ((Number) n).intValue();
    }

    private int orphans() {
        Object n = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch('/api/orphans').then(r => r.json()).then(rows => done(rows.length));");
        return ((Number) n).intValue();
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
