package figtrace.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import figtrace.model.Figure;
import figtrace.testing.TestDb;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The review server over real HTTP on an ephemeral port: API, safety checks, exports. */
class ReviewServerTest {

    @TempDir Path dir;

    private ReviewServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Figure gdp = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(0);

    @BeforeEach
    void start() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve(TestDb.XJ), TestDb.XJ_TEXT);
        Files.writeString(dir.resolve("secret.txt"), "do not serve");
        Path db = TestDb.create(dir.resolve("extracted/figtrace.db"));
        server = ReviewServer.start("127.0.0.1", 0, db, corpus);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String body, String token, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve("/api/decisions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("X-Figtrace-Token", token);
        if (origin != null) b.header("Origin", origin);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postTo(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("X-Figtrace-Token", token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String acceptGdp() {
        return "{\"doc\":\"" + gdp.doc() + "\",\"id\":\"" + gdp.id() + "\",\"action\":\"accept\"}";
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** Sends a request line as written, bypassing any client-side normalisation of the path. */
    private int rawStatus(String requestTarget) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    @Test
    void pageCarriesTheTokenAndSafetyHeaders() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("content=\"" + server.token() + "\""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals(200, get("/static/app.js").statusCode());
        HttpResponse<String> echarts = get("/static/echarts.min.js");
        assertEquals(200, echarts.statusCode(), "ECharts is served from the webjar");
        assertTrue(echarts.body().length() > 100_000);
    }

    @Test
    void figuresAreFilteredSortedAndPaged() throws Exception {
        JsonNode all = json.readTree(get("/api/figures?doc=" + enc(TestDb.XJ) + "&size=3&page=1&sort=-value").body());
        assertEquals(7, all.get("total").asInt());
        assertEquals(3, all.get("rows").size());
        JsonNode urumqi = json.readTree(get("/api/figures?region=" + enc("乌鲁木齐市")).body());
        assertEquals(1, urumqi.get("total").asInt());
        assertEquals("4168.46亿元", urumqi.get("rows").get(0).get("raw").asText());
        JsonNode search = json.readTree(get("/api/figures?q=" + enc("进出口")).body());
        assertEquals(1, search.get("total").asInt());
        JsonNode literalPercent = json.readTree(get("/api/figures?q=" + enc("%")).body());
        assertEquals(6, literalPercent.get("total").asInt(), "% is matched literally, not as a wildcard (8 figures)");
        assertEquals(400, get("/api/figures?sort=" + enc("value; DROP TABLE figures")).statusCode());
        assertEquals(400, get("/api/figures?status=bogus").statusCode());
    }

    @Test
    void decisionsNeedTheTokenAndASameOrigin() throws Exception {
        assertEquals(403, post(acceptGdp(), null, null).statusCode());
        assertEquals(403, post(acceptGdp(), "wrong", null).statusCode());
        assertEquals(403, post(acceptGdp(), server.token(), "http://evil.example").statusCode());
        String self = "http://127.0.0.1:" + server.port();
        HttpResponse<String> ok = post(acceptGdp(), server.token(), self);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("accepted", json.readTree(ok.body()).get("review").get("status").asText());
        JsonNode accepted = json.readTree(get("/api/figures?status=accepted").body());
        assertEquals(1, accepted.get("total").asInt());
        // A form post (no JSON) is refused even with the token.
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/decisions"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Figtrace-Token", server.token())
                .POST(HttpRequest.BodyPublishers.ofString("doc=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, form.statusCode());
        HttpResponse<String> bad = post("{\"doc\":\"" + gdp.doc() + "\",\"id\":\"" + gdp.id()
                + "\",\"action\":\"correct\",\"field\":\"value\",\"value\":\"abc\"}", server.token(), self);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("not a plain number"), bad.body());
    }

    @Test
    void orphanedDecisionsAreListed() throws Exception {
        Figure trade = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(3);
        post("{\"doc\":\"" + trade.doc() + "\",\"id\":\"" + trade.id() + "\",\"action\":\"reject\",\"note\":\"口径\"}",
                server.token(), null);
        List<Figure> fewer = new java.util.ArrayList<>(TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0));
        fewer.remove(3);
        Path db = dir.resolve("extracted/figtrace.db");
        try (var store = figtrace.store.SqliteStore.open(db); var reviews = figtrace.review.ReviewStore.open(db)) {
            store.save(TestDb.xinjiang(fewer));
            assertEquals(1, reviews.reattach().orphaned().size());
        }
        JsonNode orphans = json.readTree(get("/api/orphans").body());
        assertEquals(1, orphans.size());
        assertEquals("3573.1亿元", orphans.get(0).get("raw").asText());
        assertEquals("口径", orphans.get(0).get("note").asText());
        assertEquals(404, get("/api/figure?doc=" + enc(TestDb.XJ) + "&id=" + trade.id()).statusCode());
    }

    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /api/figures HTTP/1.1\r\nHost: attacker.example:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            assertEquals("403", status.substring(9, 12));
        }
    }

    @Test
    void corpusFilesAreServedOnlyFromInsideTheCorpus() throws Exception {
        HttpResponse<String> ok = get("/corpus/" + TestDb.XJ);
        assertEquals(200, ok.statusCode());
        assertEquals(TestDb.XJ_TEXT, ok.body());
        assertTrue(ok.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        for (String attack : List.of("/corpus/../secret.txt", "/corpus/%2e%2e/secret.txt", "/corpus/%2E%2E%2Fsecret.txt",
                "/corpus/..%5csecret.txt", "/corpus/%5c..%5csecret.txt", "/corpus/%2fetc%2fpasswd",
                "/corpus//etc/passwd", "/corpus/%252e%252e/secret.txt", "/corpus/C:%5cWindows%5cwin.ini",
                "/corpus/xinjiang.txt%00.pdf", "/corpus/%c0%ae%c0%ae/secret.txt", "/corpus/secret.txt",
                "/corpus/./xinjiang.txt", "/corpus/%zz")) {
            int status = rawStatus(attack);
            assertTrue(status == 400 || status == 404, attack + " gave " + status);
        }
        assertEquals(404, get("/api/source?doc=" + enc("../secret.txt")).statusCode());
        assertEquals(404, get("/static/../pom.xml").statusCode());
        assertEquals(404, rawStatus("/static/%2e%2e/web/index.html"));
    }

    @Test
    void sourceShowsNumberedLinesAndPdfPages() throws Exception {
        JsonNode text = json.readTree(get("/api/source?doc=" + enc(TestDb.XJ) + "&line=2").body());
        assertEquals(1, text.get("first").asInt());
        assertEquals(2, text.get("line").asInt());
        assertEquals("2023年全区地区生产总值19125.91亿元，比上年增长6.8%。", text.get("lines").get(1).asText());
        JsonNode pdf = json.readTree(get("/api/source?doc=" + enc(TestDb.PAPER) + "&page=2&line=2").body());
        assertEquals(2, pdf.get("page").asInt());
        assertEquals(List.of("第二页第一行。", "2024年新疆数字经济规模达到4000亿元，增长12%。", "第二页第三行。"),
                json.convertValue(pdf.get("lines"), List.class));
        JsonNode first = json.readTree(get("/api/source?doc=" + enc(TestDb.PAPER) + "&page=1&line=1").body());
        assertEquals(List.of("数字经济赋能中国（新疆）自贸试验区发展新质生产力研究", "顾华详", "摘要 正文第一页。"),
                json.convertValue(first.get("lines"), List.class), "page 1 holds no figure: the stored lines cut it");
        assertTrue(first.get("pageEndKnown").asBoolean());
    }

    @Test
    void withoutStoredLinesAPdfPageIsLocatedThroughItsFigures() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("extracted/figtrace.db"));
             var st = c.createStatement()) {
            st.execute("DELETE FROM document_lines"); // as in a database written before the table existed
        }
        JsonNode pdf = json.readTree(get("/api/source?doc=" + enc(TestDb.PAPER) + "&page=2&line=2").body());
        assertEquals(List.of("第二页第一行。", "2024年新疆数字经济规模达到4000亿元，增长12%。", "第二页第三行。"),
                json.convertValue(pdf.get("lines"), List.class));
        assertEquals(404, get("/api/source?doc=" + enc(TestDb.PAPER) + "&page=1&line=1").statusCode(),
                "page 1 holds no figure, so where it starts is unknown");
    }

    @Test
    void entitiesAreGroupedAcrossDocumentsWithTheirLinkedFigures() throws Exception {
        JsonNode all = json.readTree(get("/api/entities").body());
        assertEquals(2, all.get("total").asInt());
        JsonNode xj = all.get("rows").get(0);
        assertEquals(TestDb.XJ_ENTITY, xj.get("id").asText());
        assertEquals(2, xj.get("documents").asInt());
        assertEquals(2, xj.get("mentions").asInt());
        assertEquals(List.of("新疆", "新疆维吾尔自治区"), json.convertValue(xj.get("forms"), List.class),
                "each surface form once, in document order");
        assertEquals(List.of("PLACE"), json.convertValue(all.get("facets").get("type"), List.class));

        JsonNode one = json.readTree(get("/api/entity?id=" + enc(TestDb.XJ_ENTITY)).body());
        assertEquals(2, one.get("mentions").size());
        List<String> raws = new java.util.ArrayList<>();
        one.get("figures").forEach(f -> raws.add(f.get("raw").asText()));
        assertEquals(List.of("4000亿元", "19125.91亿元"), raws);
        assertEquals(gdp.id(), one.get("figures").get(1).get("id").asText());
        assertEquals(404, get("/api/entity?id=" + enc("PLACE:nowhere")).statusCode());
        assertEquals(400, get("/api/entity").statusCode());

        assertEquals(1, json.readTree(get("/api/entities?doc=" + enc(TestDb.PAPER)).body()).get("total").asInt());
        JsonNode urumqi = json.readTree(get("/api/entities?q=" + enc("乌鲁木齐")).body());
        assertEquals(1, urumqi.get("total").asInt());
        assertEquals("PLACE:乌鲁木齐市", urumqi.get("rows").get(0).get("id").asText());
        assertEquals(0, json.readTree(get("/api/entities?type=ORG").body()).get("total").asInt());
        JsonNode paged = json.readTree(get("/api/entities?page=1&size=1").body());
        assertEquals(1, paged.get("rows").size());
        assertEquals("PLACE:乌鲁木齐市", paged.get("rows").get(0).get("id").asText());
    }

    @Test
    void measuresCarryTheirLinkedFiguresAndEntities() throws Exception {
        JsonNode all = json.readTree(get("/api/measures").body());
        assertEquals(2, all.get("total").asInt());
        JsonNode paper = all.get("rows").get(0);
        assertEquals(TestDb.PAPER, paper.get("doc").asText());
        assertEquals("planned", paper.get("status").asText());
        assertEquals("4000亿元", paper.get("figures").get(0).get("raw").asText());
        assertEquals("新疆", paper.get("entities").get(0).get("text").asText());
        JsonNode xj = json.readTree(get("/api/measures?status=done").body());
        assertEquals(1, xj.get("total").asInt());
        JsonNode figure = xj.get("rows").get(0).get("figures").get(0);
        assertEquals(gdp.id(), figure.get("id").asText());
        assertEquals("CNY", figure.get("unit").asText());
        assertEquals("地区生产总值", figure.get("subject").asText());
        assertEquals(1, json.readTree(get("/api/measures?instrument=platform").body()).get("total").asInt());
        assertEquals(1, json.readTree(get("/api/measures?q=" + enc("自治区")).body()).get("total").asInt());
        assertEquals(List.of("done", "planned"), json.convertValue(all.get("facets").get("status"), List.class));
        assertEquals(400, get("/api/measures?page=-1").statusCode());
        assertEquals(400, get("/api/measures?size=x").statusCode());
    }

    @Test
    void injectionLikeQueriesAreJustText() throws Exception {
        for (String hostile : List.of("' OR 1=1 --", "\" OR \"\"=\"", "_", "x'); DROP TABLE entities; --",
                "PLACE:新疆维吾尔自治区' OR '1'='1")) {
            for (String api : List.of("/api/entities?q=", "/api/entities?type=", "/api/entities?doc=",
                    "/api/measures?q=", "/api/measures?status=", "/api/measures?instrument=")) {
                HttpResponse<String> r = get(api + enc(hostile));
                assertEquals(200, r.statusCode(), api + hostile);
                assertEquals(0, json.readTree(r.body()).get("total").asInt(), api + hostile);
            }
            assertEquals(404, get("/api/entity?id=" + enc(hostile)).statusCode());
        }
        // LIKE wildcards are taken literally: '%' finds the two measures whose text holds a percentage, no entity
        assertEquals(0, json.readTree(get("/api/entities?q=" + enc("%")).body()).get("total").asInt());
        assertEquals(2, json.readTree(get("/api/measures?q=" + enc("%")).body()).get("total").asInt());
        assertEquals(2, json.readTree(get("/api/entities").body()).get("total").asInt(), "tables intact");
    }

    @Test
    void retiredDocumentsAreHidden() throws Exception {
        try (var store = figtrace.store.SqliteStore.open(dir.resolve("extracted/figtrace.db"))) {
            store.retire(TestDb.PAPER);
        }
        JsonNode xj = json.readTree(get("/api/entities?q=" + enc("新疆")).body()).get("rows").get(0);
        assertEquals(1, xj.get("documents").asInt());
        JsonNode one = json.readTree(get("/api/entity?id=" + enc(TestDb.XJ_ENTITY)).body());
        assertEquals(1, one.get("mentions").size());
        assertEquals(1, one.get("figures").size());
        JsonNode measures = json.readTree(get("/api/measures").body());
        assertEquals(1, measures.get("total").asInt());
        assertEquals(TestDb.XJ, measures.get("rows").get(0).get("doc").asText());
        assertEquals(List.of(TestDb.XJ), json.convertValue(measures.get("facets").get("doc"), List.class));
    }

    @Test
    void citeAndCharts() throws Exception {
        Figure paper = TestDb.paper().figures().get(0);
        JsonNode cite = json.readTree(get("/api/cite?id=" + paper.id()).body());
        assertTrue(cite.get("citation").asText().startsWith("顾华详. 数字经济赋能"), cite.toString());
        assertEquals(404, get("/api/cite?id=fnothing").statusCode());
        JsonNode regions = json.readTree(get("/api/chart/regions?indicator=gdp").body());
        assertEquals("CNY", regions.get("unit").asText());
        // 乌鲁木齐市 and 新疆 both have 2023 GDP, but a chart never draws a province beside its prefectures: one level
        // (the growth rate is a row of its own, gdp_growth, never mixed in)
        assertEquals(1, regions.get("points").size(), regions.toString());
        assertEquals("2023", regions.get("period").asText(), "the period covering most regions");
        assertTrue(List.of("prefecture", "province").contains(regions.get("level").asText()), regions.toString());
        assertNotNull(regions.get("points").get(0).get("indicator_id"), "a point names its panel cell, to open its sources");
        JsonNode overTime = json.readTree(get("/api/chart/time?indicator=gdp").body());
        assertEquals("新疆", overTime.get("region").asText(), "one region per time series: the one with most figures");
        assertEquals("1912591000000", overTime.get("points").get(0).get("value").asText());
    }

    @Test
    void exportsApplyCorrectionsAndAreSpreadsheetSafe() throws Exception {
        String self = "http://127.0.0.1:" + server.port();
        post("{\"doc\":\"" + gdp.doc() + "\",\"id\":\"" + gdp.id()
                + "\",\"action\":\"correct\",\"field\":\"region\",\"value\":\"新疆维吾尔自治区\"}", server.token(), self);
        HttpResponse<byte[]> csv = getBytes("/api/export.csv?doc=" + enc(TestDb.XJ));
        assertEquals(200, csv.statusCode());
        byte[] bytes = csv.body();
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("review_status"));
        assertTrue(text.contains("\"新疆维吾尔自治区\""), "the correction is applied");
        assertTrue(text.contains("\"corrected\""));
        assertTrue(text.contains("\"'=HYPERLINK("), "formula cells are defused");
        assertFalse(text.contains(",\"=HYPERLINK("));

        HttpResponse<byte[]> xlsx = getBytes("/api/export.xlsx?doc=" + enc(TestDb.XJ));
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(8, sheet.getPhysicalNumberOfRows());
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            int region = header.indexOf("region"), status = header.indexOf("review_status"),
                    subject = header.indexOf("subject");
            boolean sawCorrection = false, sawDefused = false;
            for (int r = 1; r < 8; r++) {
                var row = sheet.getRow(r);
                if (row.getCell(status).getStringCellValue().equals("corrected")) {
                    assertEquals("新疆维吾尔自治区", row.getCell(region).getStringCellValue());
                    sawCorrection = true;
                }
                if (row.getCell(subject).getStringCellValue().startsWith("'=HYPERLINK")) sawDefused = true;
                row.forEach(c -> assertNotEquals(org.apache.poi.ss.usermodel.CellType.FORMULA, c.getCellType()));
            }
            assertTrue(sawCorrection);
            assertTrue(sawDefused);
        }
    }

    @Test
    void bulkAcceptOfAFilterResultNeedsTheConfirmedCountAndUndoTakesItBack() throws Exception {
        String filter = "{\"doc\":\"" + TestDb.XJ + "\"}";
        int total = Http.JSON.readTree(get("/api/figures?doc=" + enc(TestDb.XJ)).body()).get("total").asInt();
        assertTrue(total > 1);
        assertEquals(403, postTo("/api/decisions/bulk", "{\"action\":\"accept\",\"filter\":" + filter
                + ",\"expected\":" + total + "}", null).statusCode(), "no token, no bulk action");
        HttpResponse<String> stale = postTo("/api/decisions/bulk", "{\"action\":\"accept\",\"filter\":" + filter
                + ",\"expected\":" + (total + 1) + "}", server.token());
        assertEquals(400, stale.statusCode());
        assertTrue(stale.body().contains("now matches " + total), stale.body());
        HttpResponse<String> ok = postTo("/api/decisions/bulk", "{\"action\":\"accept\",\"filter\":" + filter
                + ",\"expected\":" + total + "}", server.token());
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(total, Http.JSON.readTree(ok.body()).get("count").asInt());
        assertEquals(total, Http.JSON.readTree(get("/api/figures?status=accepted&doc=" + enc(TestDb.XJ)).body())
                .get("total").asInt());
        HttpResponse<String> undo = postTo("/api/decisions/undo", "{}", server.token());
        assertEquals(200, undo.statusCode(), undo.body());
        assertEquals(total, Http.JSON.readTree(undo.body()).get("figures").asInt());
        assertEquals(0, Http.JSON.readTree(get("/api/figures?status=accepted").body()).get("total").asInt());
    }
}
