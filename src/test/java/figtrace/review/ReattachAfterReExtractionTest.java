package figtrace.review;

import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;
import figtrace.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The scenario with the real extraction: extract a sample document, record a decision on every figure,
 * then change a rule (the unit 个 is dropped) and the document (a line added on top, one line removed), re-extract
 * and re-attach. Every decision must end up on the figure with the same text at the shifted place, or be reported
 * orphaned exactly when that figure is gone — none lost, none attached to a wrong figure.
 */
class ReattachAfterReExtractionTest {

    private static final String DOC = "000_e3c7a792a1080dbf.txt";

    @TempDir Path dir;

    @Test
    void everyDecisionIsReattachedOrReportedOrphaned() throws Exception {
        String text = Files.readString(Path.of("corpus", DOC), StandardCharsets.UTF_8);
        Path db = dir.resolve("figtrace.db");
        DocumentResult before = new Pipeline(RulesStage.load(Path.of("patterns")))
                .extract(DOC, text.getBytes(StandardCharsets.UTF_8));
        assertTrue(before.figures().size() > 20, "the sample has figures");
        try (SqliteStore store = SqliteStore.open(db)) {
            store.save(before);
        }
        try (ReviewStore review = ReviewStore.open(db)) {
            for (Figure f : before.figures()) {
                review.record(new FigureKey(DOC, f.id()), Action.ACCEPT, null, null, null);
            }
        }

        // The rule change: without the unit 个, counts like "19个" are no longer figures.
        Path patterns = Files.createDirectories(dir.resolve("patterns"));
        try (Stream<Path> files = Files.list(Path.of("patterns"))) {
            for (Path f : files.toList()) Files.copy(f, patterns.resolve(f.getFileName()));
        }
        List<String> units = Files.readAllLines(patterns.resolve("units.tsv"));
        assertTrue(units.remove("个\tcount\tcount\t1\t个"), "units.tsv has the 个 row this test removes");
        Files.write(patterns.resolve("units.tsv"), units);

        // The document change: a line on top shifts every offset; the line of one money figure is removed.
        Figure removedFigure = before.figures().stream().filter(f -> f.raw().endsWith("亿元")).findFirst().orElseThrow();
        int lineStart = text.lastIndexOf('\n', removedFigure.spanStart()) + 1;
        int lineEnd = text.indexOf('\n', removedFigure.spanStart()) + 1;
        String prefix = "（修订稿）\n";
        String changed = prefix + text.substring(0, lineStart) + text.substring(lineEnd);
        DocumentResult after = new Pipeline(RulesStage.load(patterns))
                .extract(DOC, changed.getBytes(StandardCharsets.UTF_8));
        try (SqliteStore store = SqliteStore.open(db)) {
            store.save(after);
        }

        // Where each old figure should be now, computed from the edit alone.
        Map<String, Figure> afterBySpan = new HashMap<>();
        for (Figure f : after.figures()) afterBySpan.put(f.spanStart() + ":" + f.raw(), f);
        Map<String, Figure> expected = new HashMap<>(); // old id → new figure, absent when gone
        for (Figure f : before.figures()) {
            if (f.spanStart() >= lineStart && f.spanStart() < lineEnd) continue;
            int shift = prefix.length() - (f.spanStart() >= lineEnd ? lineEnd - lineStart : 0);
            Figure now = afterBySpan.get((f.spanStart() + shift) + ":" + f.raw());
            if (now != null && changed.contains(f.quote())) expected.put(f.id(), now);
        }
        long gone = before.figures().size() - expected.size();
        assertTrue(gone >= 2, "the edit removes the figure on the removed line and the 个 counts");

        try (ReviewStore review = ReviewStore.open(db)) {
            ReattachReport report = review.reattach();
            assertEquals(before.figures().size(), report.unchanged() + report.moved() + report.orphaned().size());
            assertEquals(gone, report.orphaned().size(), "orphaned exactly when the figure is gone");
            assertTrue(report.orphaned().stream().anyMatch(d -> d.raw().equals(removedFigure.raw())));
            Map<String, Figure> beforeById = new HashMap<>();
            for (Figure f : before.figures()) beforeById.put(f.id(), f);
            List<Decision> all = review.all();
            assertEquals(before.figures().size(), all.size(), "no decision is ever deleted");
            for (int i = 0; i < all.size(); i++) {
                Decision d = all.get(i);
                Figure old = before.figures().get(i); // decisions were recorded in figure order
                Figure now = expected.get(old.id());
                if (now == null) {
                    assertTrue(d.orphaned(), "decision on " + old.raw() + " at " + old.spanStart());
                } else {
                    assertFalse(d.orphaned(), "decision on " + old.raw() + " at " + old.spanStart());
                    assertEquals(now.id(), d.figureId(), "decision on " + old.raw() + " at " + old.spanStart());
                    assertEquals(ReviewStatus.ACCEPTED, review.review(new FigureKey(DOC, now.id())).status());
                }
            }
        }
    }
}
