package figtrace.tables;

import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import figtrace.model.Table;
import figtrace.model.TableCell;
import figtrace.model.TableColumn;
import figtrace.model.TableRow;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesStage;
import figtrace.testing.SharedFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-checked table cells (src/test/resources/tables/cells.tsv): a random sample of the numeric cells of tables in
 * real budget PDFs, a Word bulletin and an HTML bulletin, each checked against the printed page (PDF pages rendered
 * with pdftoppm). Each line names the cell by document, page, row header and column header, and gives what the cell
 * means: region, period, unit and subject. Region, period, unit and subject must each be right in at least 97% of
 * the cells, and no code (科目编码) is a figure.
 */
class TableCellsIT {
    private static final Path FIXTURE = Path.of("src/test/resources/tables/cells.tsv");
    private static final Map<String, DocumentResult> RESULTS = new HashMap<>();

    record Expected(int line, String doc, Integer page, String rowLabel, String column, String raw, String region,
                    String time, String unit, String subject) {}

    static List<Expected> fixture() throws IOException {
        List<Expected> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(FIXTURE, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#") || l.startsWith("doc\t")) continue;
            String[] f = l.split("\t", -1);
            out.add(new Expected(i + 1, f[0], f[1].isEmpty() ? null : Integer.valueOf(f[1]), f[2], f[3], f[4],
                    nul(f[5]), nul(f[6]), nul(f[7]), nul(f[8])));
        }
        return out;
    }

    private static String nul(String s) { return s.isEmpty() ? null : s; }

    @BeforeAll
    static void extract() throws Exception {
        Pipeline pipeline = new Pipeline(RulesStage.load(Path.of("patterns")));
        for (Expected e : fixture()) {
            if (RESULTS.containsKey(e.doc())) continue;
            Path file = SharedFolder.require(e.doc());
            RESULTS.put(e.doc(), pipeline.extract(file.getFileName().toString(), Files.readAllBytes(file)));
        }
    }

    @Test
    void handCheckedCellsHaveTheirRegionPeriodUnitAndSubject() throws IOException {
        List<Expected> all = fixture();
        assertTrue(all.size() >= 300, "at least 300 hand-checked cells, found " + all.size());
        Map<String, int[]> right = new LinkedHashMap<>();
        for (String field : List.of("found", "region", "time", "unit", "subject")) right.put(field, new int[1]);
        List<String> misses = new ArrayList<>();
        java.util.Set<String> tables = new java.util.HashSet<>();
        for (Expected e : all) {
            DocumentResult r = RESULTS.get(e.doc());
            Located at = locate(r, e);
            if (at == null) {
                misses.add(e.line() + ": cell not found: " + e);
                continue;
            }
            tables.add(at.table().id());
            right.get("found")[0]++;
            Figure f = at.figure();
            check(right, misses, e, "region", e.region(), f.region());
            check(right, misses, e, "time", e.time(), f.time());
            check(right, misses, e, "unit", e.unit(), f.unit());
            check(right, misses, e, "subject", e.subject(), f.subject());
        }
        assertTrue(tables.size() >= 15, "cells from at least 15 tables, found " + tables.size());
        StringBuilder report = new StringBuilder();
        right.forEach((k, v) -> report.append(k).append(' ').append(v[0]).append('/').append(all.size()).append("; "));
        report.append("tables ").append(tables.size());
        System.out.println("TableCellsIT: " + report); // the measured numbers, for the README and reports
        for (String m : misses) System.out.println("TableCellsIT miss: " + m);
        for (var entry : right.entrySet()) {
            double share = entry.getValue()[0] / (double) all.size();
            assertTrue(share >= 0.97, entry.getKey() + " right in " + share + " (< 0.97): " + report + "\n"
                    + String.join("\n", misses));
        }
    }

    @Test
    void codesAreLabelsNotFigures() {
        for (DocumentResult r : RESULTS.values()) {
            Map<String, Figure> figures = new HashMap<>();
            for (Figure f : r.figures()) figures.put(f.id(), f);
            for (Table t : r.tables()) {
                for (TableCell c : t.cells()) {
                    TableColumn col = t.columns().get(c.column());
                    if (!col.valueColumn()) assertEquals(null, c.figureId(), "a " + col.role() + " cell is no figure: " + c);
                    if (c.figureId() != null) assertNotNull(figures.get(c.figureId()), "every numeric cell is a figure: " + c);
                }
            }
        }
    }

    private static void check(Map<String, int[]> right, List<String> misses, Expected e, String field, String want, String got) {
        if (Objects.equals(want, got)) right.get(field)[0]++;
        else misses.add(e.line() + ": " + field + " expected " + want + " but was " + got + " (" + e.rowLabel() + " / " + e.column() + " = " + e.raw() + ")");
    }

    record Located(Table table, TableCell cell, Figure figure) {}

    /** The figure of the cell at (page, row header, column header) holding the raw text. */
    static Located locate(DocumentResult r, Expected e) {
        Map<String, Figure> figures = new HashMap<>();
        for (Figure f : r.figures()) figures.put(f.id(), f);
        for (Table t : r.tables()) {
            for (TableCell c : t.cells()) {
                if (c.figureId() == null || !c.text().equals(e.raw())) continue;
                TableRow row = t.rows().get(c.row());
                TableColumn col = t.columns().get(c.column());
                if (!Objects.equals(row.page(), e.page()) || !row.label().equals(e.rowLabel()) || !col.header().equals(e.column())) continue;
                Figure f = figures.get(c.figureId());
                if (f != null) return new Located(t, c, f);
            }
        }
        return null;
    }
}
