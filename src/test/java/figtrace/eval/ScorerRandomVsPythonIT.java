package figtrace.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Differential test: random gold and predictions full of odd values (lines as floats, strings or booleans, values
 * as strings, missing fields, paths as doc names, full-width digits, pages and contexts) scored by score.py and by
 * the port must give the same JSON. Seeds are fixed, so a failure is reproducible.
 */
class ScorerRandomVsPythonIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Object[] PRED_DOCS = {"r.txt", "dir/r.txt", "r", "q.pdf", "q", null, "", "x.txt"};
    private static final Object[] LINES = {null, 1, 2, 3, 4, 2.0, "3", true, 5};
    private static final Object[] PAGES = {null, 1, 2, 1.0, 3};
    private static final Object[] RAWS = {"10家", "10 家", "１０家", "约10家", "10", "十家", "5.8%", "5.8", "", null,
            "2479.6亿元", "2479.6 亿元", "第2位", "2"};
    private static final Object[] VALUES = {10, 10.0000001, "10", 5.8, null, "abc", 2.4796e11, 247960000000L, 2,
            " 5.8 ", 0, true};
    private static final Object[] UNITS = {"count", "CNY", "%", null, "", " count", "％"};
    private static final Object[] TIMES = {"2024", "2024-12-31", null, "", " 2024"};
    private static final Object[] REGIONS = {"新疆", "新 疆", "全国", null};
    private static final Object[] SUBJECTS = {"地区生产总值", "生产总值", "高新区总数", null, "", "数"};
    private static final Object[] CONTEXTS = {"地区生产总值2479.6亿元", "共有10家高新区", "增长5.8%，高于", null, ""};
    private static final Object[] QUOTES = {"全区地区生产总值2479.6亿元，增长", "目前共有10家高新区", "增长5.8%，高于全国",
            null, "", "无关的句子"};
    private static final Object[] TEXTS = {"新疆大学", "新疆大学科技园", "乌鲁木齐高新区", "高新区", "实施天山英才计划",
            "计划英才天山实施", "推动企业创新", null, "", "科技"};
    private static final Object[] TYPES = {"ORG", "PLACE", "DOC", null};

    @Test
    void randomInputsScoreTheSameAsScorePy(@TempDir Path dir) throws Exception {
        ScorerVsPythonTest.assumePythonAvailable();
        int matchedByLine = 0, matchedByContext = 0;
        for (int seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed);
            Path gold = Files.createDirectories(dir.resolve(seed + "/gold"));
            Path pred = Files.createDirectories(dir.resolve(seed + "/pred"));
            List<Map<String, Object>> goldFigures = records(random, 12, () -> lineFigure(random, "r.txt"));
            goldFigures.addAll(records(random, 8, () -> pageFigure(random, "q.pdf")));
            write(gold.resolve("r.figures.jsonl"), goldFigures.stream().filter(f -> f.containsKey("line")).toList());
            write(gold.resolve("q.figures.jsonl"), goldFigures.stream().filter(f -> !f.containsKey("line")).toList());
            write(gold.resolve("r.entities.jsonl"), records(random, 8, () -> text(random, "r.txt", true)));
            write(gold.resolve("r.measures.jsonl"), records(random, 8, () -> text(random, "r.txt", false)));
            write(pred.resolve("figures.jsonl"), records(random, 30, () -> random.nextBoolean() || goldFigures.isEmpty()
                    ? predFigure(random) : nearCopy(random, goldFigures.get(random.nextInt(goldFigures.size())))));
            write(pred.resolve("entities.jsonl"), records(random, 12, () -> {
                Map<String, Object> e = text(random, pick(random, PRED_DOCS), true);
                e.put("line", pick(random, LINES));
                return e;
            }));
            write(pred.resolve("measures.jsonl"), records(random, 12, () -> {
                Map<String, Object> m = text(random, pick(random, PRED_DOCS), false);
                m.put("line", pick(random, LINES));
                return m;
            }));
            ScorerVsPythonTest.assertSameAsPython(gold, pred, null);
            ScorerVsPythonTest.assertSameAsPython(gold, pred, "r");
            ScorerVsPythonTest.assertSameAsPython(gold, pred, "q");
            matchedByLine += figureMatches(gold, pred, "r");
            matchedByContext += figureMatches(gold, pred, "q");
        }
        // the inputs must exercise both matching paths, or the comparison proves little
        org.junit.jupiter.api.Assertions.assertTrue(matchedByLine > 5 && matchedByContext > 5,
                matchedByLine + " line matches, " + matchedByContext + " context matches");
    }

    private static int figureMatches(Path gold, Path pred, String doc) {
        KindScore figures = new Scorer(gold, pred).score(List.of(doc)).kinds().get("figures");
        return figures == null ? 0 : figures.tp();
    }

    private static Map<String, Object> lineFigure(Random random, String doc) {
        Map<String, Object> f = figureFields(random);
        f.put("doc", doc);
        f.put("line", 1 + random.nextInt(5));
        return f;
    }

    private static Map<String, Object> pageFigure(Random random, String doc) {
        Map<String, Object> f = figureFields(random);
        f.put("doc", doc);
        f.put("page", random.nextInt(4) == 0 ? null : 1 + random.nextInt(2));
        f.put("context", pick(random, CONTEXTS));
        return f;
    }

    private static Map<String, Object> predFigure(Random random) {
        Map<String, Object> f = figureFields(random);
        f.put("doc", pick(random, PRED_DOCS));
        f.put("line", pick(random, LINES));
        f.put("page", pick(random, PAGES));
        f.put("quote", pick(random, QUOTES));
        if (random.nextInt(6) == 0) f.remove("unit");
        return f;
    }

    /** A gold figure with one or two fields changed, so that many predictions nearly match. */
    private static Map<String, Object> nearCopy(Random random, Map<String, Object> gold) {
        Map<String, Object> p = new LinkedHashMap<>(gold);
        p.remove("context");
        p.put("quote", pick(random, QUOTES));
        for (int changes = random.nextInt(3); changes > 0; changes--) {
            switch (random.nextInt(8)) {
                case 0 -> p.put("raw", pick(random, RAWS));
                case 1 -> p.put("value", pick(random, VALUES));
                case 2 -> p.put("unit", pick(random, UNITS));
                case 3 -> p.put("time", pick(random, TIMES));
                case 4 -> p.put("region", pick(random, REGIONS));
                case 5 -> p.put("doc", pick(random, PRED_DOCS));
                case 6 -> p.put("line", pick(random, LINES));
                default -> p.put("page", pick(random, PAGES));
            }
        }
        return p;
    }

    private static Map<String, Object> figureFields(Random random) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("raw", pick(random, RAWS));
        f.put("value", pick(random, VALUES));
        f.put("unit", pick(random, UNITS));
        f.put("time", pick(random, TIMES));
        f.put("region", pick(random, REGIONS));
        f.put("subject", pick(random, SUBJECTS));
        return f;
    }

    private static Map<String, Object> text(Random random, Object doc, boolean entity) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("doc", doc);
        t.put("line", 1 + random.nextInt(5));
        t.put("text", pick(random, TEXTS));
        if (entity) t.put("type", pick(random, TYPES));
        return t;
    }

    private interface Maker { Map<String, Object> make(); }

    private static List<Map<String, Object>> records(Random random, int max, Maker maker) {
        List<Map<String, Object>> records = new ArrayList<>();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) records.add(maker.make());
        return records;
    }

    private static Object pick(Random random, Object[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void write(Path file, List<Map<String, Object>> records) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> r : records) lines.add(JSON.writeValueAsString(r));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

}
