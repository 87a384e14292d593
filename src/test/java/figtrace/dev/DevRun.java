package figtrace.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Developer harness: extracts corpus/ into target/dev-extracted/figures.jsonl for scoring. Not a test. */
public final class DevRun {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "corpus");
        Path out = Path.of(args.length > 1 ? args[1] : "target/dev-extracted");
        Files.createDirectories(out);
        Pipeline p = new Pipeline(RulesStage.load(Path.of("patterns")));
        ObjectMapper om = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("figures.jsonl")); Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.sorted().toList()) {
                DocumentResult r = p.extract(f.getFileName().toString(), Files.readAllBytes(f));
                System.err.println(f.getFileName() + " " + r.parsed().status() + " " + r.figures().size());
                for (Figure x : r.figures()) {
                    ObjectNode n = om.createObjectNode();
                    n.put("id", x.id()); n.put("doc", x.doc()); n.put("page", x.page()); n.put("line", x.line());
                    n.put("raw", x.raw()); n.put("value", x.value()); n.put("unit", x.unit()); n.put("measure_word", x.measureWord());
                    n.put("kind", x.kind()); n.put("qualifier", x.qualifier()); n.put("time", x.time()); n.put("region", x.region());
                    n.put("subject", x.subject()); n.put("indicator", x.indicator()); n.put("change", x.change()); n.put("target", x.target());
                    n.put("rule", x.rule()); n.put("quote", x.quote());
                    w.write(om.writeValueAsString(n)); w.newLine();
                }
            }
        }
    }
}
