package figtrace.entities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import figtrace.layout.LayoutStage;
import figtrace.measures.MeasureStage;
import figtrace.model.DocumentText;
import figtrace.model.Entity;
import figtrace.model.Measure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Dev harness: runs both stages on the corpus documents (gold exists for 000 and 004), writes target/entities-eval/
 * entities.jsonl and measures.jsonl, and prints the official scores. No thresholds are asserted here (this is for
 * looking), but provenance is: every record's text is the source at its offsets and its line is charStart's line.
 */
class EntitiesDevHarnessTest {

    private static final Path OUT = Path.of("target/entities-eval");
    private static final Path GOLD = Path.of("/work/shared/gold");
    private static final Path SCORER = Path.of("/work/shared/tools/score.py");

    @Test
    void annotatedDocumentsAreExtractedWithExactProvenanceAndScored() throws Exception {
        EntityStage entities = new EntityStage();
        MeasureStage measures = new MeasureStage();
        ObjectMapper json = new ObjectMapper();
        List<String> entityLines = new ArrayList<>(), measureLines = new ArrayList<>();
        List<Path> docs;
        try (Stream<Path> s = Files.list(Path.of("corpus"))) {
            // all .txt documents: the scorer only scores those with gold (000, 004); the others are for reading by eye
            docs = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        for (Path p : docs) {
            String doc = p.getFileName().toString();
            DocumentText text = LayoutStage.linesOf(Files.readString(p, StandardCharsets.UTF_8), 0);
            List<Entity> es = entities.extract(doc, text);
            for (Entity e : es) {
                String source = text.text().substring(e.charStart(), e.charEnd());
                assertEquals(source.replace("\r", "").replace("\n", ""), e.text(), e.toString());
                assertEquals(text.lineAt(e.charStart()).number(), e.line(), e.toString());
                ObjectNode o = json.valueToTree(e);
                entityLines.add(json.writeValueAsString(o));
            }
            for (Measure m : measures.extract(doc, text, es)) {
                String source = text.text().substring(m.charStart(), m.charEnd());
                assertEquals(source.replace("\r", "").replace("\n", ""), m.text(), m.toString());
                assertEquals(text.lineAt(m.charStart()).number(), m.line(), m.toString());
                ObjectNode o = json.valueToTree(m);
                o.set("linked_figures", o.get("linkedFigures"));
                measureLines.add(json.writeValueAsString(o));
            }
        }
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("entities.jsonl"), entityLines, StandardCharsets.UTF_8);
        Files.write(OUT.resolve("measures.jsonl"), measureLines, StandardCharsets.UTF_8);
        score();
    }

    private static void score() throws IOException, InterruptedException {
        if (!Files.exists(SCORER) || !Files.isDirectory(GOLD)) {
            System.out.println("scorer or gold not found; outputs in " + OUT.toAbsolutePath());
            return;
        }
        System.out.println("[entities-eval]\n" + run("python3", SCORER.toString(), GOLD.toString(), OUT.toString())
                + run("python3", "-c", FIELD_ACCURACY, SCORER.getParent().toString(), GOLD.toString(), OUT.toString()));
    }

    /** Field accuracy on the measures and entities the official scorer matches (same matching, imported from it). */
    private static final String FIELD_ACCURACY = String.join("\n",
            "import sys, os, glob",
            "sys.path.insert(0, sys.argv[1]); import score",
            "gold_dir, out = sys.argv[2], sys.argv[3]",
            "for kind, same, fields in (('measures', score.mea_same, ('status', 'instrument', 'actor')),",
            "                           ('entities', score.ent_same, ('type', 'canonical'))):",
            "    gold = [g for f in sorted(glob.glob(os.path.join(gold_dir, '*.' + kind + '.jsonl'))) for g in score.load(f)]",
            "    pred = score.load(os.path.join(out, kind + '.jsonl'))",
            "    pairs = score.match(gold, pred, same)",
            "    if pairs:",
            "        acc = {f: round(sum(score.norm(g.get(f)) == score.norm(p.get(f)) for g, p in pairs) / len(pairs), 3) for f in fields}",
            "        print(kind, 'on', len(pairs), 'matched:', acc)");

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
