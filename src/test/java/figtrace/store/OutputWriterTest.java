package figtrace.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OutputWriterTest {

    @TempDir Path dir;

    private void writeSample() throws Exception {
        String doc = "a.txt";
        new OutputWriter(dir).writeAll(List.of(Fixtures.document(doc,
                List.of(Fixtures.gdp(doc), Fixtures.growth(doc), Fixtures.injected(doc)))));
    }

    @Test
    void jsonlRoundTripKeepsExactValueWithoutExponent() throws Exception {
        writeSample();
        List<String> lines = Files.readAllLines(dir.resolve("figures.jsonl"), StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).contains("\"value\":661693000000,"), lines.get(0));
        assertFalse(lines.get(0).contains("E"), "no exponent: " + lines.get(0));
        assertTrue(lines.get(0).contains("地区生产总值"), "Chinese written as is, not escaped");

        JsonNode gdp = new ObjectMapper().readTree(lines.get(0));
        assertEquals(FigureColumns.names(), iterable(gdp.fieldNames()));
        assertEquals(0, gdp.get("value").decimalValue().compareTo(Fixtures.gdp("a.txt").value()));
        assertTrue(gdp.get("value").isIntegralNumber());
        assertTrue(gdp.get("page").isNull());
        assertTrue(gdp.get("measure_word").isNull());
        assertFalse(gdp.get("target").asBoolean());
        assertEquals("6616.93亿元", gdp.get("raw").asText());

        JsonNode growth = new ObjectMapper().readTree(lines.get(1));
        assertEquals("6.1", growth.get("value").decimalValue().toPlainString());
        assertTrue(growth.get("target").isBoolean() && growth.get("target").asBoolean());
        assertEquals(3, growth.get("page").asInt());
    }

    @Test
    void figuresReadBackFromJsonlEqualTheInput() throws Exception {
        writeSample();
        assertEquals(List.of(Fixtures.gdp("a.txt"), Fixtures.growth("a.txt"), Fixtures.injected("a.txt")),
                FiguresJsonl.read(dir.resolve("figures.jsonl")));
    }

    @Test
    void negativeScaleValueIsWrittenPlain() throws Exception {
        var f = Fixtures.gdp("a.txt");
        var big = new java.math.BigDecimal("6.6E+11");
        var figure = new figtrace.model.Figure(f.id(), f.doc(), f.page(), f.line(), f.charStart(), f.charEnd(),
                f.quote(), f.spanStart(), f.spanEnd(), f.raw(), big, f.unit(), f.measureWord(), f.kind(),
                f.qualifier(), f.time(), f.region(), f.subject(), f.indicator(), f.change(), f.target(), f.rule(),
                f.note());
        new OutputWriter(dir).writeAll(List.of(Fixtures.document("a.txt", List.of(figure))));
        String json = Files.readString(dir.resolve("figures.jsonl"));
        assertTrue(json.contains("\"value\":660000000000,"), json);
        String csv = Files.readString(dir.resolve("figures.csv"));
        assertTrue(csv.contains("\"660000000000\""), csv);
    }

    @Test
    void csvStartsWithBomAndKeepsChinese() throws Exception {
        writeSample();
        byte[] bytes = Files.readAllBytes(dir.resolve("figures.csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        List<String[]> rows = readCsv(dir.resolve("figures.csv"));
        List<String> header = figtrace.review.ReviewedExport.header();
        assertEquals(header, List.of(rows.get(0)), "the run's figures.csv has the export's columns");
        assertEquals(4, rows.size());
        String[] gdp = rows.get(1);
        assertEquals("6616.93亿元", gdp[header.indexOf("raw")]);
        assertEquals("661693000000", gdp[header.indexOf("value")]);
        assertEquals("661693000000", gdp[header.indexOf("value_num")]);
        assertEquals("地区生产总值", gdp[header.indexOf("subject")]);
        assertEquals("unreviewed", gdp[header.indexOf("review_status")]);
        assertEquals("", gdp[2], "null page is an empty cell");
        assertEquals("备注, with \"quotes\"", rows.get(2)[header.indexOf("note")]);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\r\n"));
    }

    @Test
    void formulaCellsAreDefusedButNegativeNumbersStayNumeric() throws Exception {
        writeSample();
        String[] row = readCsv(dir.resolve("figures.csv")).get(3);
        List<String> header = figtrace.review.ReviewedExport.header();
        assertEquals("'=SUM(A1) 增长-3.5%", row[header.indexOf("quote")]);
        assertEquals("-3.5%", row[header.indexOf("raw")], "a number a spreadsheet reads as a number is never changed");
        assertEquals("-3.5", row[header.indexOf("value")]);
        assertEquals("-3.5", row[header.indexOf("value_num")]);
        assertEquals("'@cmd", row[header.indexOf("subject")]);
        assertEquals("'+growth", row[header.indexOf("indicator")]);
        assertEquals("'-1+1", row[header.indexOf("note")]);
    }

    @Test
    void documentsCsvListsStatusIssuesCountAndMetadata() throws Exception {
        writeSample();
        List<String[]> rows = readCsv(dir.resolve("documents.csv"));
        List<String> header = new ArrayList<>(List.of("file", "sha256", "type", "pages", "status", "issues", "figures"));
        header.addAll(DocumentMetadataColumns.ALL);
        assertEquals(header, List.of(rows.get(0)));
        assertEquals(List.of("a.txt", "ab".repeat(32), "txt", "", "ok_with_issues",
                        "wrong_extension: looks like HTML | odd: second issue", "3", "新疆统计公报", "统计局"),
                List.of(rows.get(1)).subList(0, 9));
        assertTrue(List.of(rows.get(1)).subList(9, header.size()).stream().allMatch(String::isEmpty),
                "fields the document does not say are empty cells");
    }

    @Test
    void twoCorporaWithDifferentMetadataGetTheSameHeader() throws Exception {
        Path first = dir.resolve("first"), second = dir.resolve("second");
        new OutputWriter(first).writeAll(List.of(Fixtures.document("a.txt", List.of())));
        var base = Fixtures.document("b.txt", List.of());
        var other = new figtrace.model.ParsedDocument(base.parsed().text(), 2, base.parsed().status(), List.of(),
                java.util.Map.of("journal", "统计与决策", "period", "2024", "own_region", "和田地区"));
        new OutputWriter(second).writeAll(List.of(new figtrace.model.DocumentResult(base.source(), other, List.of())));
        String[] a = readCsv(first.resolve("documents.csv")).get(0), b = readCsv(second.resolve("documents.csv")).get(0);
        assertEquals(List.of(a), List.of(b));
        List<String> header = List.of(b);
        assertEquals("统计与决策", readCsv(second.resolve("documents.csv")).get(1)[header.indexOf("journal")]);
        assertEquals("和田地区", readCsv(second.resolve("documents.csv")).get(1)[header.indexOf("own_region")]);
    }

    @Test
    void rewriteReplacesFileAndLeavesNoTemporaryFiles() throws Exception {
        writeSample();
        new OutputWriter(dir).writeAll(List.of(Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt")))));
        assertEquals(1, Files.readAllLines(dir.resolve("figures.jsonl")).size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("documents.csv", "entities.csv", "entities.jsonl", "figures.csv", "figures.jsonl",
                            "measures.csv", "measures.jsonl", "tables", "tables.jsonl"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    static List<String[]> readCsv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        try (CSVReader reader = new CSVReader(new StringReader(text.substring(1)))) {
            return reader.readAll();
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
