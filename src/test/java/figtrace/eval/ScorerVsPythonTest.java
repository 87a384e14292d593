package figtrace.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import figtrace.testing.SharedFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the official score.py and the Java port on the same inputs and requires the same JSON. Skipped where python3
 * or the script (../shared/tools/score.py beside the repository) is missing; ScorerTest covers that case.
 */
class ScorerVsPythonTest {

    static final Path SCRIPT = SharedFolder.path("tools/score.py");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fixturesOverallAndPerDocument() throws Exception {
        assumePythonAvailable();
        assertSameAsPython(ScorerTest.GOLD, ScorerTest.PRED, null);
        for (String doc : new Scorer(ScorerTest.GOLD, ScorerTest.PRED).goldDocuments()) {
            assertSameAsPython(ScorerTest.GOLD, ScorerTest.PRED, doc);
        }
    }

    @Test
    void sharedGoldAgainstFixturePredictions() throws Exception {
        assumePythonAvailable();
        assertSameAsPython(SharedFolder.require("gold"), ScorerTest.PRED, null);
    }

    @Test
    void perfectAndEmptyPredictions(@TempDir Path dir) throws Exception {
        assumePythonAvailable();
        Path perfect = Files.createDirectories(dir.resolve("perfect"));
        for (String kind : Scorer.KINDS) {
            List<String> lines = new ArrayList<>();
            try (var files = Files.list(ScorerTest.GOLD)) {
                for (Path f : files.filter(f -> f.toString().endsWith("." + kind + ".jsonl")).sorted().toList()) {
                    lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
                }
            }
            Files.write(perfect.resolve(kind + ".jsonl"), lines, StandardCharsets.UTF_8);
        }
        assertSameAsPython(ScorerTest.GOLD, perfect, null);
        assertSameAsPython(ScorerTest.GOLD, Files.createDirectories(dir.resolve("empty")), null);
    }

    static void assertSameAsPython(Path gold, Path pred, String doc) throws Exception {
        JsonNode python = runPython(gold, pred, doc);
        Scorer scorer = new Scorer(gold, pred);
        ScoreReport report = doc == null ? scorer.score() : scorer.score(List.of(doc));
        JsonNode java = JSON.valueToTree(report.toJson());
        assertTrue(sameJson(python, java), "doc " + doc + "\npython: " + python + "\njava:   " + java);
    }

    private static JsonNode runPython(Path gold, Path pred, String doc) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), gold.toString(),
                pred.toString(), "--json"));
        if (doc != null) command.add("--docs=" + doc);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return JSON.readTree(out);
    }

    /** Equal JSON where 1 and 1.0 count as the same number (Python prints round(1.0, 3) as 1.0). */
    static boolean sameJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return a.doubleValue() == b.doubleValue();
        if (a.isObject() && b.isObject()) {
            if (!names(a).equals(names(b))) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!sameJson(e.getValue(), b.get(e.getKey()))) return false;
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (!sameJson(a.get(i), b.get(i))) return false;
            return true;
        }
        return a.equals(b);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void assumePythonAvailable() {
        SharedFolder.require("tools/score.py");
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assumeTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 does not run");
        } catch (IOException | InterruptedException e) {
            assumeTrue(false, "no python3: " + e.getMessage());
        }
    }
}
