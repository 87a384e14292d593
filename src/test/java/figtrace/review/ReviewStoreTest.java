package figtrace.review;

import figtrace.model.Figure;
import figtrace.store.SqliteStore;
import figtrace.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ReviewStoreTest {

    @TempDir Path dir;

    private Path db() { return TestDb.create(dir.resolve("extracted/figtrace.db")); }

    private static FigureKey key(Figure f) { return new FigureKey(f.doc(), f.id()); }

    @Test
    void decisionsGiveTheEffectiveStatusLatestWins() {
        Path db = db();
        List<Figure> figures = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0);
        try (ReviewStore review = ReviewStore.open(db)) {
            FigureKey gdp = key(figures.get(0));
            assertEquals(ReviewStatus.UNREVIEWED, review.review(gdp).status());
            review.record(gdp, Action.REJECT, null, null, null);
            review.record(gdp, Action.CORRECT, "region", "新疆维吾尔自治区", null);
            review.record(gdp, Action.NOTE, null, null, "核对过公报原文");
            FigureReview r = review.review(gdp);
            assertEquals(ReviewStatus.CORRECTED, r.status());
            assertEquals("新疆维吾尔自治区", r.corrections().get("region"));
            assertEquals(List.of("核对过公报原文"), r.notes());
            review.record(gdp, Action.ACCEPT, null, null, null);
            assertEquals(ReviewStatus.ACCEPTED, review.review(gdp).status());
            assertEquals("新疆维吾尔自治区", review.review(gdp).apply(figures.get(0)).get("region"),
                    "a correction stays applied when the corrected figure is accepted");
            Decision first = review.decisions(gdp).get(0);
            assertEquals(figures.get(0).quote(), first.quote());
            assertEquals("19125.91亿元", first.raw());
            assertNotNull(first.docSha256());
        }
    }

    @Test
    void invalidDecisionsAreRefusedWithAReason() {
        Path db = db();
        try (ReviewStore review = ReviewStore.open(db)) {
            FigureKey gdp = key(TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(0));
            var e = assertThrows(ReviewException.class, () -> review.record(gdp, Action.CORRECT, "value", "很多", null));
            assertTrue(e.getMessage().contains("not a plain number"), e.getMessage());
            e = assertThrows(ReviewException.class, () -> review.record(gdp, Action.CORRECT, "quote", "x", null));
            assertTrue(e.getMessage().contains("cannot be corrected"), e.getMessage());
            e = assertThrows(ReviewException.class,
                    () -> review.record(new FigureKey(TestDb.XJ, "fnope"), Action.ACCEPT, null, null, null));
            assertTrue(e.getMessage().contains("no figure fnope"), e.getMessage());
            assertTrue(review.all().isEmpty());
        }
    }

    @Test
    void openingAMissingDatabaseSaysToRunFirst() {
        var e = assertThrows(ReviewException.class, () -> ReviewStore.open(dir.resolve("none.db")));
        assertTrue(e.getMessage().contains("run ./figtrace run first"), e.getMessage());
    }

    @Test
    void reExtractionWithShiftedOffsetsAndNewIdsKeepsEveryDecision() {
        Path db = db();
        List<Figure> before = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0);
        try (ReviewStore review = ReviewStore.open(db)) {
            for (Figure f : before) review.record(key(f), Action.ACCEPT, null, null, null);
            review.record(key(before.get(1)), Action.CORRECT, "change", "growth", null);
        }
        // The document gains a line at the top (every offset shifts) and a rule change gives every figure a new id.
        String shifted = "（本公报数据为初步统计数）\n" + TestDb.XJ_TEXT;
        List<Figure> after = TestDb.xinjiangFigures(shifted, 1);
        try (SqliteStore store = SqliteStore.open(db)) {
            store.save(TestDb.xinjiang(shifted, after));
        }
        try (ReviewStore review = ReviewStore.open(db)) {
            ReattachReport report = review.reattach();
            assertEquals(List.of(), report.orphaned());
            assertEquals(before.size() + 1, report.moved());
            assertEquals(0, report.unchanged());
            for (Figure f : after) {
                assertEquals(f.id().equals(after.get(1).id()) ? ReviewStatus.CORRECTED : ReviewStatus.ACCEPTED,
                        review.review(key(f)).status(), f.raw());
            }
            Decision moved = review.decisions(key(after.get(0))).get(0);
            assertEquals(after.get(0).spanStart(), moved.spanStart(), "the snapshot follows the figure");
            // A second re-attachment finds everything where it is.
            ReattachReport again = review.reattach();
            assertEquals(before.size() + 1, again.unchanged());
            assertEquals(0, again.moved());
        }
    }

    @Test
    void aRemovedFigureOrphansItsDecisionWhichIsReportedAndKept() {
        Path db = db();
        List<Figure> figures = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0);
        try (ReviewStore review = ReviewStore.open(db)) {
            review.record(key(figures.get(3)), Action.REJECT, null, null, "进出口总额口径不对");
            review.record(key(figures.get(0)), Action.ACCEPT, null, null, null);
        }
        List<Figure> fewer = new ArrayList<>(figures);
        fewer.remove(3);
        try (SqliteStore store = SqliteStore.open(db)) {
            store.save(TestDb.xinjiang(fewer));
        }
        ReattachReport afterRun = ReviewStore.reattach(db); // what a run calls after saving
        assertEquals(1, afterRun.orphaned().size());
        try (ReviewStore review = ReviewStore.open(db)) {
            ReattachReport report = review.reattach();
            assertEquals(1, report.unchanged());
            assertEquals(1, report.orphaned().size());
            Decision orphan = report.orphaned().get(0);
            assertEquals("3573.1亿元", orphan.raw());
            assertEquals("进出口总额口径不对", orphan.note());
            assertTrue(orphan.orphaned());
            assertEquals(2, review.all().size(), "orphaned decisions are never deleted");
            assertEquals(ReviewStatus.UNREVIEWED, review.review(key(figures.get(3))).status());
        }
        // The figure comes back (the rule is fixed): its decision is attached again.
        try (SqliteStore store = SqliteStore.open(db)) {
            store.save(TestDb.xinjiang(figures));
        }
        try (ReviewStore review = ReviewStore.open(db)) {
            assertEquals(List.of(), review.reattach().orphaned());
            assertEquals(ReviewStatus.REJECTED, review.review(key(figures.get(3))).status());
        }
    }

    @Test
    void aQuoteCutDifferentlyIsFoundThroughTheDocumentText() {
        Path db = db();
        Figure gdp = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(0);
        try (ReviewStore review = ReviewStore.open(db)) {
            review.record(key(gdp), Action.ACCEPT, null, null, null);
        }
        // A rule change makes quotes whole lines including the heading line: quote and id both change.
        String quote = TestDb.XJ_TEXT.substring(0, TestDb.XJ_TEXT.indexOf("6.8%"));
        Figure recut = TestDb.figure(TestDb.XJ, TestDb.XJ_TEXT, quote, "19125.91亿元", "1912591000000", "CNY",
                "money", "2023", "新疆", "地区生产总值", "gdp", null, 7);
        try (SqliteStore store = SqliteStore.open(db)) {
            store.save(TestDb.xinjiang(List.of(recut)));
        }
        try (ReviewStore review = ReviewStore.open(db)) {
            assertEquals(List.of(), review.reattach().orphaned());
            assertEquals(ReviewStatus.ACCEPTED, review.review(key(recut)).status());
        }
    }

    @Test
    void aRenamedDocumentKeepsItsDecisions() throws Exception {
        Path db = db();
        Figure gdp = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).get(0);
        try (ReviewStore review = ReviewStore.open(db)) {
            review.record(key(gdp), Action.CORRECT, "value", "1912591000000.5", null);
        }
        // What a rename does: the same content (same sha256) under a new name, the old name gone.
        List<Figure> renamed = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0).stream().map(f -> new Figure(f.id(),
                "renamed.txt", f.page(), f.line(), f.charStart(), f.charEnd(), f.quote(), f.spanStart(), f.spanEnd(),
                f.raw(), f.value(), f.unit(), f.measureWord(), f.kind(), f.qualifier(), f.time(), f.region(),
                f.subject(), f.indicator(), f.change(), f.target(), f.rule(), f.note())).toList();
        var old = TestDb.xinjiang(renamed);
        try (SqliteStore store = SqliteStore.open(db)) {
            store.save(new figtrace.model.DocumentResult(new figtrace.model.SourceFile("renamed.txt",
                    old.source().sha256(), old.source().size(), old.source().type()), old.parsed(), renamed));
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("DELETE FROM documents WHERE doc = '" + TestDb.XJ + "'");
        }
        try (ReviewStore review = ReviewStore.open(db)) {
            assertEquals(List.of(), review.reattach().orphaned());
            FigureReview r = review.review(new FigureKey("renamed.txt", gdp.id()));
            assertEquals(ReviewStatus.CORRECTED, r.status());
            assertEquals(new BigDecimal("1912591000000.5"), r.apply(gdp).get("value"));
        }
    }

    @Test
    void aBulkAcceptIsOneBatchThatUndoTakesBackWholeWhileItsDecisionsStayStored() {
        Path db = db();
        List<Figure> figures = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0);
        try (ReviewStore review = ReviewStore.open(db)) {
            FigureKey first = key(figures.get(0)), second = key(figures.get(1));
            review.record(first, Action.CORRECT, "region", "新疆维吾尔自治区", null);
            String batch = review.recordAll(List.of(first, second), Action.ACCEPT, null);
            assertNotNull(batch);
            assertEquals(ReviewStatus.ACCEPTED, review.review(first).status());
            assertEquals(ReviewStatus.ACCEPTED, review.review(second).status());

            ReviewStore.Undo undo = review.undoLast();
            assertEquals(new ReviewStore.Undo(2, 2, true), undo);
            assertEquals(ReviewStatus.CORRECTED, review.review(first).status(), "back to what it was before the batch");
            assertEquals(ReviewStatus.UNREVIEWED, review.review(second).status());
            assertEquals(3, review.all().size(), "undone decisions stay in the store");
            assertTrue(review.all().stream().filter(d -> batch.equals(d.batch())).allMatch(Decision::undone));

            assertEquals(new ReviewStore.Undo(1, 1, false), review.undoLast(), "then the single correction");
            assertEquals(ReviewStatus.UNREVIEWED, review.review(first).status());
            assertEquals(new ReviewStore.Undo(0, 0, false), review.undoLast(), "nothing left to undo");
        }
    }

    @Test
    void resetReturnsAFigureToUnreviewedAndItsCorrectionsNoLongerApply() {
        Path db = db();
        List<Figure> figures = TestDb.xinjiangFigures(TestDb.XJ_TEXT, 0);
        try (ReviewStore review = ReviewStore.open(db)) {
            FigureKey gdp = key(figures.get(0));
            review.record(gdp, Action.CORRECT, "region", "新疆维吾尔自治区", null);
            review.recordAll(List.of(gdp), Action.RESET, null);
            assertEquals(ReviewStatus.UNREVIEWED, review.review(gdp).status());
            assertEquals(figures.get(0).region(), review.review(gdp).apply(figures.get(0)).get("region"));
            var e = assertThrows(ReviewException.class, () -> review.recordAll(List.of(gdp), Action.CORRECT, null));
            assertTrue(e.getMessage().contains("one figure at a time"), e.getMessage());
            var missing = assertThrows(ReviewException.class,
                    () -> review.recordAll(List.of(gdp, new FigureKey(TestDb.XJ, "fnope")), Action.ACCEPT, null));
            assertTrue(missing.getMessage().contains("no figure fnope"), missing.getMessage());
            assertEquals(ReviewStatus.UNREVIEWED, review.review(gdp).status(), "all or nothing: the batch left no trace");
        }
    }
}
