package figtrace.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The scorer on fixed fixtures (src/test/resources/eval, built by make_fixtures.py there), checked against numbers
 * score.py printed for the same inputs, so the port is checked even where Python is not installed.
 */
class ScorerTest {

    static final Path GOLD = Path.of("src/test/resources/eval/gold");
    static final Path PRED = Path.of("src/test/resources/eval/pred");

    @Test
    void overallNumbersEqualThoseOfScorePy() {
        ScoreReport report = new Scorer(GOLD, PRED).score();
        assertEquals(List.of("figures", "entities", "measures"), List.copyOf(report.kinds().keySet()));

        KindScore f = report.kinds().get("figures");
        assertEquals(List.of(80, 78, 72), List.of(f.gold(), f.pred(), f.tp()));
        assertEquals(List.of(0.923, 0.9, 0.911), List.of(f.precision(), f.recall(), f.f1()));
        KindScore.FigureFields ff = f.fields();
        assertEquals(0.986, ff.valueOk());
        assertEquals(0.972, ff.unitOk());
        assertEquals(0.909, ff.timeOk());
        assertEquals(0.985, ff.regionOk());
        assertEquals(0.972, ff.subjectOk());
        assertEquals(0.81, ff.fullF1());
        assertEquals(List.of("004_ba8f813c9e095246.txt:16 ±1100千伏", "004_ba8f813c9e095246.txt:22 899家",
                "004_ba8f813c9e095246.txt:22 34.86%", "004_ba8f813c9e095246.txt:27 532家",
                "004_ba8f813c9e095246.txt:27 64项", "004_ba8f813c9e095246.txt:39 67人", "pdfdoc.pdf:2 268.5万人",
                "pdfdoc.pdf:3 5.8%"), ff.missedExamples());

        KindScore e = report.kinds().get("entities");
        assertEquals(List.of(91, 79, 78), List.of(e.gold(), e.pred(), e.tp()));
        assertEquals(List.of(0.987, 0.857, 0.918), List.of(e.precision(), e.recall(), e.f1()));
        assertEquals(0.897, e.typeOk());
        assertNull(e.fields());

        KindScore m = report.kinds().get("measures");
        assertEquals(List.of(87, 71, 67), List.of(m.gold(), m.pred(), m.tp()));
        assertEquals(List.of(0.944, 0.77, 0.848), List.of(m.precision(), m.recall(), m.f1()));
        assertNull(m.typeOk());
    }

    @Test
    void eachDocumentIsScoredAlone() {
        Map<String, ScoreReport> byDoc = new Scorer(GOLD, PRED).scoreByDocument();
        assertEquals(List.of("004_ba8f813c9e095246", "pdfdoc"), List.copyOf(byDoc.keySet()));

        KindScore f004 = byDoc.get("004_ba8f813c9e095246").kinds().get("figures");
        assertEquals(List.of(75, 73, 69), List.of(f004.gold(), f004.pred(), f004.tp()));
        assertEquals(List.of(0.945, 0.92, 0.932), List.of(f004.precision(), f004.recall(), f004.f1()));
        assertEquals(0.947, f004.fields().timeOk());
        assertEquals(0.851, f004.fields().fullF1());

        ScoreReport pdf = byDoc.get("pdfdoc");
        assertEquals(List.of("figures"), List.copyOf(pdf.kinds().keySet()), "pdfdoc has figure gold only");
        KindScore fp = pdf.kinds().get("figures");
        assertEquals(List.of(5, 5, 3), List.of(fp.gold(), fp.pred(), fp.tp()));
        assertEquals(0.6, fp.f1());
        assertEquals(0.667, fp.fields().timeOk());
        assertEquals(0.667, fp.fields().subjectOk());
        assertEquals(0.2, fp.fields().fullF1());
        assertEquals(List.of("pdfdoc.pdf:2 268.5万人", "pdfdoc.pdf:3 5.8%"), fp.fields().missedExamples());
    }

    @Test
    void missingPredictionsScoreZeroWithoutFieldAccuracies(@TempDir Path empty) {
        ScoreReport report = new Scorer(GOLD, empty).score();
        KindScore f = report.kinds().get("figures");
        assertEquals(List.of(80, 0, 0), List.of(f.gold(), f.pred(), f.tp()));
        assertEquals(0.0, f.f1());
        assertNull(f.fields());
        assertEquals(List.of("gold", "pred", "tp", "P", "R", "F1"), List.copyOf(f.toJson().keySet()));
    }

    @Test
    void badJsonLinesAreReportedAndSkipped(@TempDir Path pred) throws Exception {
        Files.writeString(pred.resolve("figures.jsonl"), "{not json\n\n"
                + "{\"doc\": \"pdfdoc.pdf\", \"page\": 1, \"raw\": \"2479.6亿元\", \"value\": 247960000000}\n");
        ScoreReport report = new Scorer(GOLD, pred).score(List.of("pdfdoc"));
        assertEquals(1, report.kinds().get("figures").tp());
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).contains("figures.jsonl:1"), report.problems().get(0));
    }

    @Test
    void pythonSemanticsHelpers() {
        assertEquals("16.0", Py.floatRepr(16.0));
        assertEquals("1e+16", Py.floatRepr(1e16));
        assertEquals("1e-05", Py.floatRepr(0.00001));
        assertEquals("0.0001", Py.floatRepr(0.0001));
        assertEquals("0.1", Py.floatRepr(0.1));
        assertEquals("6.61693e+17", Py.floatRepr(6.61693e17));
        assertEquals(12.0, Py.num(" １２ "));
        assertEquals(1000.5, Py.num("1_000.5"));
        assertNull(Py.num("12abc"));
        assertNull(Py.num(List.of()));
        assertEquals("5%", Py.norm(" ５ ％\u3000"));
        assertEquals("", Py.norm(0));
        assertEquals("2529.", Py.digits("２５２９家．")); // NFKC: full-width digits and stop
        assertEquals("一百", Py.digits("一百个"));
        assertTrue(Py.eq(16, 16.0));
        assertTrue(Rules.close(661693000000L, "661693000000.5"));
        assertFalse(Rules.close(1.0, 1.00001));
        assertEquals("a", Rules.docname("x/y/a.docx"));
        assertEquals("a.PDF", Rules.docname("a.PDF"));
        // as Python round(x, 3): half-even on the exact binary value (0.1245 is stored a little below)
        assertEquals(0.124, Py.round3(0.1245));
        assertEquals(0.062, Py.round3(0.0625));
        assertEquals(0.002, Py.round3(0.0015));
        assertEquals(0.667, Py.round3(2.0 / 3));
    }
}
