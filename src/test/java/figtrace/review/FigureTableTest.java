package figtrace.review;

import figtrace.layout.LayoutStage;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.model.ParsedDocument;
import figtrace.store.SqliteStore;
import figtrace.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FigureTableTest {

    @TempDir Path dir;

    private static final String[] REGIONS = {"新疆", "乌鲁木齐市", "克拉玛依市", "喀什地区", "伊犁哈萨克自治州"};

    /** 50,000 figures in 10 documents: the size the review page must handle. */
    private Path bigDb() {
        Path db = dir.resolve("figtrace.db");
        try (SqliteStore store = SqliteStore.open(db)) {
            for (int d = 0; d < 10; d++) {
                String doc = "doc" + d + ".txt";
                StringBuilder text = new StringBuilder();
                List<Figure> figures = new ArrayList<>();
                for (int i = 0; i < 5000; i++) {
                    String quote = "第" + i + "项指标" + REGIONS[i % 5] + "地区生产总值" + (i * 7 % 1000) + "亿元，增长" + (i % 9) + "%。";
                    int start = text.length();
                    text.append(quote).append('\n');
                    String raw = (i * 7 % 1000) + "亿元";
                    int span = start + quote.indexOf(raw);
                    figures.add(new Figure(String.format("f%015x", d * 100000L + i), doc, null, i + 1, start,
                            start + quote.length(), quote, span, span + raw.length(), raw,
                            new BigDecimal(i * 7 % 1000).multiply(new BigDecimal("100000000")), "CNY", null, figtrace.model.FigureKind.MONEY,
                            null, String.valueOf(2015 + i % 10), REGIONS[i % 5], "地区生产总值", "gdp", null, false,
                            "figures:money", null));
                }
                ParsedDocument parsed = new ParsedDocument(LayoutStage.linesOf(text.toString(), 0), null,
                        DocStatus.OK, List.of(), Map.of());
                store.save(new DocumentResult(TestDb.source(doc, text.toString(), DocType.TXT), parsed, figures));
            }
        }
        return db;
    }

    @Test
    void pagesOf50kFiguresHaveTheRightTotalsForEveryFilterAndSort() {
        Path db = bigDb();
        try (ReviewStore reviews = ReviewStore.open(db); FigureTable table = FigureTable.open(db, reviews)) {
            for (int i = 0; i < 200; i += 4) {
                reviews.record(new FigureKey("doc3.txt", String.format("f%015x", 300000L + i)),
                        i % 8 == 0 ? Action.ACCEPT : Action.REJECT, null, null, null);
            }
            table.page(FigureFilter.ALL, null, 0, 50); // warm up the connection and SQLite's caches
            record Case(String name, FigureFilter filter, String sort, int page, long expectedTotal) {}
            List<Case> cases = List.of(
                    new Case("all, first page", FigureFilter.ALL, null, 0, 50_000),
                    new Case("all, deep page by value", FigureFilter.ALL, "-value", 900, 50_000),
                    new Case("region", new FigureFilter(null, "喀什地区", null, null, null, null, null, null), "time", 3,
                            10_000),
                    new Case("status accepted", new FigureFilter(null, null, null, null, null, null,
                            ReviewStatus.ACCEPTED, null), null, 0, 25),
                    new Case("unreviewed sorted by status", new FigureFilter(null, null, null, null, null, null,
                            ReviewStatus.UNREVIEWED, null), "status", 10, 49_950),
                    new Case("text search", new FigureFilter(null, null, null, null, null, null, null, "第4999项"),
                            null, 0, 10));
            // Correctness at scale only: speed is a benchmark's business, not a timed assertion that flakes on a busy
            // machine (measured 10-190 ms a page here, the deep OFFSET by value the slowest).
            for (Case c : cases) {
                FigurePage page = table.page(c.filter(), c.sort(), c.page(), 50);
                assertEquals(c.expectedTotal(), page.total(), c.name());
                assertFalse(page.rows().isEmpty(), c.name());
            }
            FigurePage accepted = table.page(new FigureFilter(null, null, null, null, null, null,
                    ReviewStatus.ACCEPTED, null), null, 0, 50);
            assertTrue(accepted.rows().stream().allMatch(r -> r.review().status() == ReviewStatus.ACCEPTED));
        }
    }

    @Test
    void sortingDescendingPutsTheLargestFirstAndPagesDoNotOverlap() {
        Path db = TestDb.create(dir.resolve("small.db"));
        try (ReviewStore reviews = ReviewStore.open(db); FigureTable table = FigureTable.open(db, reviews)) {
            List<ReviewedFigure> first = table.page(FigureFilter.ALL, "-value", 0, 3).rows();
            List<ReviewedFigure> second = table.page(FigureFilter.ALL, "-value", 1, 3).rows();
            assertEquals("19125.91亿元", first.get(0).figure().raw());
            assertTrue(first.get(2).figure().value().compareTo(second.get(0).figure().value()) >= 0);
            assertTrue(first.stream().noneMatch(second::contains));
        }
    }

    /** The review side reads figure rows with the store's one reader, so an OCR figure stays an OCR figure in export. */
    @Test
    void anOcrFigureKeepsItsSourceConfidenceAndBox() {
        Path db = dir.resolve("ocr.db");
        List<Figure> figures = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0);
        Figure ocr = figures.get(0).fromOcr(new BigDecimal("71"), "10,20,30,40", "read by OCR");
        List<Figure> stored = new ArrayList<>(figures);
        stored.set(0, ocr);
        try (SqliteStore store = SqliteStore.open(db)) {
            store.save(TestDb.xinjiang(stored));
        }
        try (ReviewStore reviews = ReviewStore.open(db); FigureTable table = FigureTable.open(db, reviews)) {
            Figure read = table.figure(new FigureKey(ocr.doc(), ocr.id())).orElseThrow();
            assertEquals(Figure.SOURCE_OCR, read.source());
            assertEquals(0, new BigDecimal("71").compareTo(read.ocrConfidence()));
            assertEquals("10,20,30,40", read.ocrBox());
            assertEquals(ocr.kind(), read.kind());
            Figure text = table.figure(new FigureKey(figures.get(1).doc(), figures.get(1).id())).orElseThrow();
            assertEquals(Figure.SOURCE_TEXT, text.source());
        }
    }
}
