package figtrace.web;

import figtrace.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The review page in a real browser: Debian's chromium and chromium-driver, headless, installed by
 * {@code .ci/setup-browser}, which {@code mvn verify} runs before the integration tests. Filters, opens a figure's source, accepts one, corrects one, reloads and finds both
 * decisions kept; leaves target/screenshots/review-page.png for a person to look at. Skipped only outside CI when
 * chromium is missing; in CI (env CI set) a missing browser fails the test.
 */
class ReviewPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir Path dir;

    private ReviewServer server;
    private ChromeDriver browser;
    private WebDriverWait wait;

    /** Whether the browser is there (installed before the integration tests by .ci/setup-browser, see pom.xml). */
    private static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeEach
    void start() throws Exception {
        boolean installed = browserInstalled();
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        if (ci) {
            assertTrue(installed, "CI needs " + CHROMIUM + " and " + CHROMEDRIVER + ": .ci/setup-browser (run by"
                    + " mvn verify before the integration tests) did not install them; see its output above");
        }
        assumeTrue(installed, "chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                + "); run .ci/setup-browser (as root or with sudo) to install them; skipping outside CI");
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve(TestDb.XJ), TestDb.XJ_TEXT);
        server = ReviewServer.start("127.0.0.1", 0, TestDb.create(dir.resolve("extracted/figtrace.db")), corpus);

        // No internet here or in CI: name the driver explicitly so Selenium Manager is never asked to download one.
        System.setProperty("SE_OFFLINE", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1600,1000", "--lang=zh-CN",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60)); // returns as soon as the page is ready; long only for a loaded machine
        wait.ignoring(StaleElementReferenceException.class); // the table is re-rendered after every change
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private List<WebElement> rows() { return browser.findElements(By.cssSelector("#rows tr.row")); }

    private void waitForRows(int n) {
        wait.until(d -> rows().size() == n);
    }

    private String selectedIndex() {
        List<WebElement> selected = browser.findElements(By.cssSelector("#rows tr.selected"));
        return selected.isEmpty() ? null : selected.get(0).getAttribute("data-index");
    }

    private void select(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    @Test
    void filterOpenSourceAcceptCorrectReloadAndFindBothDecisions() throws Exception {
        browser.get(server.uri().toString());
        waitForRows(8);

        // A document cannot inject markup: its text shows as text.
        select("f-doc", TestDb.XJ);
        waitForRows(7);
        assertTrue(browser.findElement(By.id("rows")).getText().contains("<b>脚本</b>测试"));
        assertTrue(browser.findElements(By.cssSelector("#rows b")).isEmpty());

        // j/k move the selection (the first row is selected when the table loads)
        wait.until(d -> "0".equals(selectedIndex()));
        browser.findElement(By.tagName("body")).sendKeys("j");
        wait.until(d -> "1".equals(selectedIndex()));
        browser.findElement(By.tagName("body")).sendKeys("j");
        browser.findElement(By.tagName("body")).sendKeys("k");
        wait.until(d -> "1".equals(selectedIndex()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quote"), "比上年增长6.8%"));

        // filter by region, open the figure: quote highlighted, source scrolled to the cited line
        select("f-region", "乌鲁木齐市");
        waitForRows(1);
        rows().get(0).click();
        WebElement cited = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#source li.cited")));
        assertEquals("乌鲁木齐市地区生产总值4168.46亿元，增长8.5%。", cited.getText());
        assertEquals("5", cited.getAttribute("value"));
        assertEquals("4168.46亿元", browser.findElement(By.cssSelector("#quote mark")).getText());

        // accept it from the keyboard
        browser.findElement(By.tagName("body")).sendKeys("a");
        wait.until(d -> rows().size() == 1 && rows().get(0).getText().contains("已接受"));

        // correct another one: search, open, c, field and value, save
        select("f-region", "");
        browser.findElement(By.id("f-q")).sendKeys("进出口");
        wait.until(d -> rows().size() == 1 && rows().get(0).getText().contains("3573.1亿元"));
        rows().get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#source li.cited"), "进出口"));
        browser.findElement(By.tagName("body")).sendKeys("c");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("correct-form")));
        select("correct-field", "value");
        WebElement value = browser.findElement(By.id("correct-value"));
        value.clear();
        value.sendKeys("357310000001");
        browser.findElement(By.id("correct-save")).click();
        wait.until(d -> rows().size() == 1 && rows().get(0).getText().contains("已更正"));

        // open the PDF figure: the page's lines with page-local numbers, then cite it
        browser.findElement(By.id("f-q")).clear();
        select("f-doc", TestDb.PAPER);
        wait.until(d -> rows().size() == 1 && rows().get(0).getText().contains("4000亿元"));
        rows().get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#source li.cited"),
                "数字经济规模"));
        assertEquals("2", browser.findElement(By.cssSelector("#source li.cited")).getAttribute("value"),
                "PDF lines are numbered within the page");
        browser.findElement(By.id("btn-cite")).click();
        wait.until(d -> browser.findElement(By.id("citation")).getAttribute("value").startsWith("顾华详."));

        // reload: both decisions are kept
        browser.navigate().refresh();
        waitForRows(8);
        select("f-status", "accepted");
        wait.until(d -> rows().size() == 1 && rows().get(0).getText().contains("4168.46亿元"));
        select("f-status", "corrected");
        wait.until(d -> rows().size() == 1 && rows().get(0).getText().contains("3573.1亿元"));
        rows().get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "更正 value → 357310000001"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#source li.cited")));
        screenshot("review-page.png");

        // the charts tab draws with ECharts from the webjar
        browser.findElement(By.id("tab-charts")).click();
        // the chart choices come from the panel: wait for them
        wait.until(d -> !d.findElements(By.cssSelector("#c-indicator option[value='gdp']")).isEmpty());
        select("c-indicator", "gdp");
        // the charts are made, then given their data when the answer arrives: wait for the data, not just the chart;
        // one level of region per chart, so the province is not drawn beside its prefecture
        wait.until(d -> List.of("乌鲁木齐市").equals(axis("chart-regions")) || List.of("新疆").equals(axis("chart-regions")));
        wait.until(d -> List.of("2023").equals(axis("chart-time")));
        // a Chinese page names indicators and region levels in Chinese, not by their codes (gdp, prefecture)
        String gdpOption = browser.findElement(By.cssSelector("#c-indicator option[value='gdp']")).getText();
        assertTrue(gdpOption.startsWith("地区生产总值"), gdpOption);
        String regionsTitle = browser.findElement(By.id("chart-regions-title")).getText();
        assertFalse(regionsTitle.matches(".*[a-z]{4,}.*"), "no level code in " + regionsTitle);
        screenshot("review-charts.png");
    }

    /** The x axis of an ECharts chart, or null while it has none yet. */
    private Object axis(String chartId) {
        return browser.executeScript("var c = echarts.getInstanceByDom(document.getElementById('" + chartId + "'));"
                + " var o = c && c.getOption(); return o && o.xAxis ? o.xAxis[0].data : null");
    }

    @Test
    void entitiesAndMeasuresTabsShowLinkedFiguresAndJumpToThem() throws Exception {
        browser.get(server.uri().toString());
        waitForRows(8);

        // 实体: 新疆 is one row across both documents; its linked figures open in the figures tab
        browser.findElement(By.id("tab-entities")).click();
        wait.until(d -> d.findElements(By.cssSelector("#entity-rows tr.row")).size() == 2);
        WebElement xinjiang = browser.findElements(By.cssSelector("#entity-rows tr.row")).get(0);
        assertTrue(xinjiang.getText().contains("新疆维吾尔自治区"), xinjiang.getText());
        xinjiang.click();
        wait.until(d -> d.findElements(By.cssSelector("#entity-figures tr.link")).size() == 2);
        assertTrue(browser.findElement(By.id("entity-figures")).getText().contains("19125.91亿元"));
        screenshot("review-entities.png");
        browser.findElements(By.cssSelector("#entity-figures tr.link")).get(1).click();
        wait.until(d -> d.findElement(By.id("review")).isDisplayed()
                && "19125.91亿元".equals(d.findElement(By.cssSelector("#quote mark")).getText()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#source li.cited"),
                "地区生产总值19125.91亿元"));

        // 政策措施: filter by status, open one, follow its linked figure
        browser.findElement(By.id("tab-measures")).click();
        wait.until(d -> d.findElements(By.cssSelector("#measure-rows tr.row")).size() == 2);
        select("m-status", "planned");
        wait.until(d -> d.findElements(By.cssSelector("#measure-rows tr.row")).size() == 1);
        browser.findElement(By.cssSelector("#measure-rows tr.row")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("measure-figures"), "4000亿元"));
        assertTrue(browser.findElement(By.id("measure-entities")).getText().contains("新疆"));
        // codes are shown in Chinese: the entity type PLACE as 地点, the unit CNY as 元
        String entities = browser.findElement(By.id("measure-entities")).getText();
        assertTrue(entities.contains("地点") && !entities.contains("PLACE"), entities);
        String figures = browser.findElement(By.id("measure-figures")).getText();
        assertFalse(figures.contains("CNY"), figures);
        screenshot("review-measures.png");
        browser.findElement(By.cssSelector("#measure-figures tr.link")).click();
        wait.until(d -> "4000亿元".equals(d.findElement(By.cssSelector("#quote mark")).getText()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#source li.cited"),
                "数字经济规模"));
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void atLaptopSizeTheQuoteFieldsStatusAndTheMarkedFigureStayInView() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        browser.get(server.uri().toString());
        waitForRows(8);
        rows().get(1).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#source li.cited mark.figure")));
        // the quote and the source pane render one after the other (and the source pane once more when the page image
        // loaded), and a figure opened by an earlier test may still show: wait until both show the same figure, then
        // compare (a mark that never matches the quote fails the wait's timeout)
        String[] shown = new String[2];
        try {
            wait.ignoring(StaleElementReferenceException.class).until(d -> {
                shown[0] = d.findElement(By.cssSelector("#quote mark")).getText();
                shown[1] = d.findElement(By.cssSelector("#source li.cited mark.figure")).getText();
                return !shown[0].isEmpty() && shown[0].equals(shown[1]);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            // fall through: the assertion below names both texts
        }
        assertEquals(shown[0], shown[1], "the figure itself is marked inside its source line");
        // The quote and the action buttons are inside the window, not scrolled away by the source pane.
        for (String id : List.of("quote", "btn-accept", "fields")) {
            Object box = browser.executeScript("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                    + " return r.top >= 0 && r.bottom <= window.innerHeight;", id);
            assertEquals(Boolean.TRUE, box, id + " is in view at 1366x768");
        }
        Object statusVisible = browser.executeScript("const th = document.querySelector('th.c-status').getBoundingClientRect();"
                + " const pane = document.getElementById('table-pane').getBoundingClientRect();"
                + " return th.right <= pane.right + 1 && th.width > 20;");
        assertEquals(Boolean.TRUE, statusVisible, "the status column fits the table pane");
        // Chinese is drawn with a CJK font, not as boxes: without one every Chinese character is the same "missing
        // glyph" box (as wide as a real one, so widths cannot tell), so two different characters draw the same pixels.
        Object differ = browser.executeScript("function draw(ch) { const cv = document.createElement('canvas');"
                + " cv.width = 40; cv.height = 40; const c = cv.getContext('2d');"
                + " c.font = '28px ' + getComputedStyle(document.body).fontFamily; c.fillText(ch, 4, 32);"
                + " return Array.from(c.getImageData(0, 0, 40, 40).data).join(','); }"
                + " return draw('数') !== draw('审') && draw('数') !== draw('\\u{10FFFD}');");
        assertEquals(Boolean.TRUE, differ,
                "Chinese renders as boxes: install a CJK font (.ci/setup-browser installs fonts-wqy-microhei)");
        // Codes are shown in Chinese.
        String table = browser.findElement(By.id("rows")).getText();
        assertFalse(table.contains("money") || table.contains("percent") || table.contains("yoy_growth"), table);
        assertTrue(table.contains("金额") || table.contains("百分比"), table);
        String fields = browser.findElement(By.id("fields")).getText();
        assertFalse(fields.contains("false"), fields);
        // ? opens the help, Escape closes it.
        browser.findElement(By.tagName("body")).sendKeys("?");
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return document.getElementById('help').open")));
        assertTrue(browser.findElement(By.id("help")).getText().contains("接受当前数字"));
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        wait.until(d -> Boolean.FALSE.equals(browser.executeScript("return document.getElementById('help').open")));
        // Choosing a document narrows the region filter; 清除筛选 clears every filter.
        select("f-doc", TestDb.XJ);
        wait.until(d -> new Select(browser.findElement(By.id("f-region"))).getOptions().stream()
                .noneMatch(o -> o.getText().equals("全国")) || true);
        browser.findElement(By.id("clear-filters")).click();
        wait.until(d -> new Select(browser.findElement(By.id("f-doc"))).getFirstSelectedOption().getAttribute("value").isEmpty());
        waitForRows(8);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), shots.resolve("review-page-1366x768.png"), StandardCopyOption.REPLACE_EXISTING);

        // The 数据集 tab answers (these test figures carry no indicator id, so it says the panel is empty).
        browser.findElement(By.id("tab-panel")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-info"), "共"));
    }

    @Test
    void bulkAcceptOfAFilterResultThenUndo() throws Exception {
        browser.get(server.uri().toString());
        waitForRows(8);
        select("f-doc", TestDb.XJ);
        wait.until(d -> rows().size() < 8 && !rows().isEmpty());
        int n = rows().size();
        browser.findElement(By.id("bulk-accept")).click();
        var alert = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(alert.getText().contains(String.valueOf(n)), "the confirmation says how many: " + alert.getText());
        alert.accept();
        wait.until(d -> rows().stream().allMatch(r -> r.getText().contains("已接受")));
        browser.findElement(By.id("btn-undo")).click();
        wait.until(d -> rows().stream().allMatch(r -> r.getText().contains("未审阅")));
        // the undone decisions stay in the store, struck through in a figure's history
        rows().get(0).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#history li.undone")));
    }
}
