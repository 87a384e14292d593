package figtrace.spark;

import com.opencsv.CSVReader;
import figtrace.limits.Limits;
import figtrace.pipeline.CorpusRunner;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;
import figtrace.testing.SharedFolder;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark job in {@code local[2]} gives the single-machine run's records: the five samples and a slice of the atlas
 * documents (HTML, PDF, DOCX; some in a sub-folder, so names are paths below the input), extracted by both, must give
 * the same figures.jsonl, entities.jsonl and measures.jsonl byte for byte, the same documents rows, and Parquet with
 * the same records. Both sides run without OCR (same configuration; these files have text layers).
 */
class SparkExtractIT {
    /** Atlas documents of different kinds and formats, small enough for the suite. */
    private static final List<String> ATLAS = List.of("changzhou_2025_budget_report.html",
            "taiyuan_2025_statistical_bulletin.html", "xiangxi_2025_statistical_bulletin.pdf",
            "puer_2025_budget_report.html", "chengde_2025_budget_report.docx");

    @Test
    void sparkRecordsEqualTheLocalRun(@TempDir Path tmp) throws Exception {
        Path atlas = SharedFolder.require("atlas/docs");
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (Stream<Path> samples = Files.list(Path.of("corpus"))) {
            for (Path p : samples.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(p, corpus.resolve(p.getFileName()));
        }
        Path sub = Files.createDirectories(corpus.resolve("atlas slice"));
        for (String name : ATLAS) Files.copy(atlas.resolve(name), sub.resolve(name));
        Path patterns = Path.of("patterns");

        Path local = tmp.resolve("local");
        CorpusRunner runner = new CorpusRunner(RulesStage.fingerprint(patterns), () -> new Pipeline(RulesStage.load(patterns)),
                CorpusRunner.Options.defaults().withJobs(1).withForked(false));
        long t0 = System.nanoTime();
        CorpusRunner.Summary summary = runner.run(corpus, local, new CorpusRunner.Listener() {});
        long t1 = System.nanoTime();
        assertEquals(10, summary.documents());

        Path out = tmp.resolve("spark");
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("figtrace-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate()) {
            SparkExtract.Summary s = SparkExtract.run(spark, new SparkExtract.Job(corpus.toString(), out.toString(),
                    patterns, Limits.defaults(), 3, false));
            assertEquals(10, s.documents());
            System.err.printf("SparkExtractIT: local run %d ms, Spark job %d ms%n", (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);

            for (String kind : List.of("figures", "entities", "measures")) {
                String expected = Files.readString(local.resolve(kind + ".jsonl"));
                assertFalse(expected.isEmpty(), kind);
                assertEquals(expected, concatenatedParts(out.resolve(kind + ".jsonl")), kind + ".jsonl differs");
                assertEquals(expected.lines().count(), s.records().get(kind), kind + " count");
            }
            assertDocumentsEqual(local.resolve("documents.csv"), concatenatedParts(out.resolve("documents.jsonl")));

            // Parquet holds the same records: every figure's id, exact value and quote, every entity's text
            Map<String, String> parquet = new HashMap<>();
            for (Row r : spark.read().parquet(out.resolve("figures.parquet").toString())
                    .select("id", "value", "quote", "page").collectAsList()) {
                parquet.put(r.getString(0), r.getString(1) + "|" + r.getString(2) + "|" + r.get(3));
            }
            Map<String, String> jsonl = new HashMap<>();
            for (String line : Files.readAllLines(local.resolve("figures.jsonl"))) {
                JsonNode j = figtrace.json.Json.MAPPER.readTree(line);
                String value = j.get("value").isNull() ? "null" : j.get("value").decimalValue().toPlainString();
                jsonl.put(j.get("id").asText(), value + "|" + j.get("quote").asText() + "|"
                        + (j.get("page").isNull() ? "null" : j.get("page").asText()));
            }
            assertEquals(jsonl, parquet, "figures.parquet");
            long entities = spark.read().parquet(out.resolve("entities.parquet").toString()).count();
            assertEquals(Files.readAllLines(local.resolve("entities.jsonl")).size(), entities);
            List<Row> measures = spark.read().parquet(out.resolve("measures.parquet").toString())
                    .select("linked_figures").collectAsList();
            assertTrue(measures.stream().anyMatch(r -> !r.getList(0).isEmpty()), "measures keep their linked figures as lists");
        }
    }

    /** documents.csv of the local run against the Spark job's documents records, column by column. */
    private static void assertDocumentsEqual(Path csv, String sparkJsonl) throws IOException {
        List<String[]> rows;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReader reader = new CSVReader(r)) {
            rows = new ArrayList<>(reader.readAll());
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
        String[] header = rows.remove(0);
        header[0] = header[0].replace("\uFEFF", "");
        List<String> lines = sparkJsonl.lines().toList();
        assertEquals(rows.size(), lines.size(), "documents");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode j = figtrace.json.Json.MAPPER.readTree(lines.get(i));
            for (int c = 0; c < header.length; c++) {
                JsonNode v = j.get(header[c]);
                String text = v == null || v.isNull() ? "" : v.asText();
                assertEquals(rows.get(i)[c], figtrace.store.SpreadsheetSafety.safe(text), header[c] + " of " + rows.get(i)[0]);
            }
        }
    }

    /** A Spark text output: its part files in name order, which is partition order. */
    private static String concatenatedParts(Path folder) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> parts = Files.list(folder)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }
}
