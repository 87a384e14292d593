package figtrace.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: two runs of the same corpus give byte-identical outputs, one with --jobs 1 and one with --jobs 2, each in
 * its own JVM (iteration orders that change from JVM to JVM are exactly what made two runs differ before).
 * The corpus: the samples, PDF, HTML, DOCX and DOC from ../shared.
 */
class DeterminismIT {
    static final List<String> OUTPUTS = List.of("figures.jsonl", "figures.csv", "entities.jsonl", "entities.csv",
            "measures.jsonl", "measures.csv", "documents.csv", "panel.csv", "panel_checks.csv");

    @TempDir Path tmp;

    @Test
    void twoRunsOneSerialOneParallelAreByteIdentical() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(p, corpus.resolve(p.getFileName()));
        }
        Path shared = Path.of("..", "shared");
        for (String doc : List.of("atlas/docs/xiangxi_2025_statistical_bulletin.pdf",
                "atlas/docs/changsha_2025_statistical_bulletin.html", "atlas/docs/zibo_2025_budget_summary.html",
                "realdocs/docx_hotan_xinjiang_2025_tjgb.docx", "realdocs/doc_hotan_xinjiang_2025_final_accounts.doc",
                "realdocs/pdf_qiandongnan_guizhou_2023_tjgb.pdf")) {
            Path p = shared.resolve(doc);
            if (Files.exists(p)) Files.copy(p, corpus.resolve(p.getFileName()));
        }
        Path serial = run(corpus, "serial", "1"), parallel = run(corpus, "parallel", "2");
        int compared = 0;
        for (String f : OUTPUTS) {
            assertArrayEquals(Files.readAllBytes(serial.resolve(f)), Files.readAllBytes(parallel.resolve(f)),
                    f + " is the same byte for byte");
            compared++;
        }
        assertEquals(OUTPUTS.size(), compared);
        assertTrue(Files.size(serial.resolve("figures.jsonl")) > 10_000, "the runs found figures");
    }

    private Path run(Path corpus, String name, String jobs) throws Exception {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", corpus.toString(), "--out", out.toString(), "--patterns",
                Path.of("patterns").toAbsolutePath().toString(), "--jobs", jobs));
        CliProcess.Result r = CliProcess.run("1g", tmp.resolve(name + ".log"), 900, args.toArray(String[]::new));
        assertTrue(r.exit() == 0 || r.exit() == 3, r.stdout() + r.stderr());
        return out;
    }
}
