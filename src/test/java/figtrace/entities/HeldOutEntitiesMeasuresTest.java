package figtrace.entities;

import com.fasterxml.jackson.databind.ObjectMapper;
import figtrace.eval.KindScore;
import figtrace.eval.ScoreReport;
import figtrace.eval.Scorer;
import figtrace.model.DocumentResult;
import figtrace.model.Entity;
import figtrace.model.Measure;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Entities and measures scored against hand-written gold, the way score.py scores them: the held-out fixtures in
 * src/test/resources/heldout (six government work report parts, two budget reports, a news-published budget summary and a
 * finance bureau's annual work summary, a city statistical bulletin part and a final-accounts report part; see its README) and the two annotated samples in ../shared/gold. The thresholds sit just under the measured scores, so a
 * change that loses names or measures on documents of these kinds fails here. Outputs are left in
 * target/heldout-eval/ and target/sample-eval/ for reading (tools/score.py gives the same numbers).
 */
class HeldOutEntitiesMeasuresTest {

    private static final Path HELD_OUT = Path.of("src/test/resources/heldout");
    private static final Path SHARED_GOLD = Path.of("../shared/gold");
    private static Pipeline pipeline;

    @BeforeAll
    static void load() throws Exception {
        pipeline = new Pipeline(RulesStage.load(Path.of("patterns")));
    }

    @Test
    void heldOutDocumentsOfOtherKindsKeepTheirScores() throws Exception {
        List<Path> docs;
        try (Stream<Path> s = Files.list(HELD_OUT)) {
            docs = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(12, docs.size(), "the twelve held-out fixtures");
        ScoreReport report = extractAndScore(docs, HELD_OUT.resolve("gold"), Path.of("target/heldout-eval"));
        // measured (eight fixtures, branch ents7, session 7): entities P 0.929 R 0.767 F1 0.840; measures P 0.857 R 0.762
        // F1 0.807. The seven older fixtures alone: entities 0.867, measures 0.802 (before session 7: 0.855, 0.795).
        // 黑龙江 (work report part), gold written before figtrace was run on it: before any rule change entities F1 0.561,
        // measures 0.735 — the honest number; after session 7's general rules 0.731 and 0.822 (see heldout/README.md).
        // Adding it lowered the aggregate, hence floors under 0.85.
        // session 8 (branch ents8): level + field + 部门 agencies, provinces' literary names, national programmes, 先行区:
        // entities P 0.931 R 0.790 F1 0.855, measures P 0.858 R 0.768 F1 0.810; with short company names in lists, cued
        // unquoted 工程/试点/规划 names and quoted 制度/体系: entities P 0.937 R 0.813 F1 0.871; with qualified cluster tails
        // and 开放 in zone names: P 0.942 R 0.825 F1 0.880; with a titled summary's issuer: P 0.942 R 0.829 F1 0.882;
        // measures without the numbered heading sentences: P 0.877 R 0.765 F1 0.817
        // session 9 (branch ho9): 广西 (work report part) and 盘锦 (budget report part) added, gold written and committed
        // before figtrace was run on them; their honest number (no rule changed): entities F1 0.718 and 0.690, measures
        // 0.768 and 0.678. All ten: entities P 0.903 R 0.804 F1 0.851, measures P 0.891 R 0.727 F1 0.800 — under the
        // session 8 floors, so the floors were set to these honest totals (see heldout/README.md).
        // session 10 (ho10): the 邵阳 bulletin and 阜新 final-accounts parts added, gold committed before figtrace was run on
        // them; honest twelve-fixture totals: entities P 0.924 R 0.791 F1 0.853, measures P 0.878 R 0.748 F1 0.808 —
        // under the measures precision floor 0.89, so that floor was set to 0.87 (the honest total; see heldout/README.md).
        assertAtLeast(report, "entities", 0.85, 0.90);
        assertAtLeast(report, "measures", 0.80, 0.87);
    }

    @Test
    void annotatedSamplesKeepTheirScores() throws Exception {
        assumeTrue(Files.isDirectory(SHARED_GOLD), "../shared/gold is not here");
        List<Path> docs = List.of(Path.of("corpus/000_e3c7a792a1080dbf.txt"), Path.of("corpus/004_ba8f813c9e095246.txt"));
        ScoreReport report = extractAndScore(docs, SHARED_GOLD, Path.of("target/sample-eval"));
        // measured: entities P 0.963 R 0.881 F1 0.920; measures P 0.745 R 0.867 F1 0.801
        assertAtLeast(report, "entities", 0.915, 0.95);
        assertAtLeast(report, "measures", 0.80, 0.74);
    }

    private static void assertAtLeast(ScoreReport report, String kind, double f1, double precision) {
        KindScore k = report.kinds().get(kind);
        assertTrue(k != null, "no " + kind + " scored");
        assertTrue(k.f1() >= f1, kind + " F1 " + k.f1() + " fell below " + f1 + ": " + k.toJson());
        assertTrue(k.precision() >= precision, kind + " precision " + k.precision() + " fell below " + precision);
    }

    /** Runs the whole pipeline on each document, writes entities.jsonl and measures.jsonl, scores them. */
    private static ScoreReport extractAndScore(List<Path> docs, Path gold, Path out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> entities = new ArrayList<>(), measures = new ArrayList<>();
        for (Path p : docs) {
            DocumentResult r = pipeline.extract(p.getFileName().toString(), Files.readAllBytes(p));
            String text = r.parsed().text().text();
            for (Entity e : r.entities()) {
                assertEquals(text.substring(e.charStart(), e.charEnd()).replace("\r", "").replace("\n", ""), e.text());
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("doc", e.doc());
                o.put("line", e.line());
                o.put("text", e.text());
                o.put("type", e.type());
                o.put("canonical", e.canonical());
                o.put("rule", e.rule());
                entities.add(json.writeValueAsString(o));
            }
            for (Measure m : r.measures()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("doc", m.doc());
                o.put("line", m.line());
                o.put("text", m.text());
                o.put("actor", m.actor());
                o.put("status", m.status());
                o.put("instrument", m.instrument());
                o.put("linked_figures", m.linkedFigures());
                measures.add(json.writeValueAsString(o));
            }
        }
        Files.createDirectories(out);
        Files.write(out.resolve("entities.jsonl"), entities, StandardCharsets.UTF_8);
        Files.write(out.resolve("measures.jsonl"), measures, StandardCharsets.UTF_8);
        Files.write(out.resolve("figures.jsonl"), List.of(), StandardCharsets.UTF_8);
        return new Scorer(gold, out).score();
    }
}
