package figtrace.store;

import figtrace.model.DocumentResult;
import figtrace.model.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outputs made of per-document parts are byte for byte the outputs written whole; a change rewrites only its parts. */
class OutputPartsTest {
    private static final List<String> OUTPUTS = List.of(OutputWriter.FIGURES_JSONL, OutputWriter.FIGURES_CSV,
            OutputWriter.ENTITIES_JSONL, OutputWriter.ENTITIES_CSV, OutputWriter.MEASURES_JSONL, OutputWriter.MEASURES_CSV);

    @Test
    void partsConcatenateToTheWholeOutputsAndOnlyChangedDocumentsAreRewritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        try (Store store = Store.open(out.resolve("figtrace.db"));
             figtrace.review.ReviewStore reviews = figtrace.review.ReviewStore.open(out.resolve("figtrace.db"))) {
            store.save(Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt"), Fixtures.growth("a.txt"))), provenance());
            store.save(Fixtures.document("b.txt", List.of(Fixtures.injected("b.txt"))), provenance());
            List<DocumentRow> current = rows(store, "a.txt", "b.txt");
            new OutputParts(out).write(store, reviews, current);
            assertEqualsWholeWrite(store, current, out, tmp.resolve("whole1"));
            Set<Path> partsBefore = parts(out);
            assertEquals(16, partsBefore.size(), "eight parts per document");
            Map<Path, Long> times = partsBefore.stream().collect(Collectors.toMap(p -> p, OutputPartsTest::mtime));

            Thread.sleep(20);
            DocumentResult changed = Fixtures.document("b.txt", List.of(Fixtures.injected("b.txt"), Fixtures.gdp("b.txt")));
            store.save(new DocumentResult(new figtrace.model.SourceFile("b.txt", "cd".repeat(32), 10,
                    figtrace.model.DocType.TXT), changed.parsed(), changed.figures()), provenance());
            current = rows(store, "a.txt", "b.txt");
            new OutputParts(out).write(store, reviews, current);
            assertEqualsWholeWrite(store, current, out, tmp.resolve("whole2"));
            Set<Path> partsAfter = parts(out);
            assertEquals(16, partsAfter.size(), "the changed document's old parts are deleted");
            String aKey = OutputParts.key(current.get(0), null);
            for (Path p : partsAfter) {
                if (p.getFileName().toString().startsWith(aKey)) {
                    assertEquals(times.get(p), mtime(p), "the unchanged document's part was not rewritten: " + p);
                } else {
                    assertFalse(partsBefore.contains(p), "the changed document got new parts: " + p);
                }
            }
        }
    }

    @Test
    void anOutputIsPatchedWhereItsPartsChangedAndLeftAloneWhenTheirBytesAreTheSame(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        try (Store store = Store.open(out.resolve("figtrace.db"));
             figtrace.review.ReviewStore reviews = figtrace.review.ReviewStore.open(out.resolve("figtrace.db"))) {
            store.save(Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt"), Fixtures.growth("a.txt"))), provenance());
            store.save(Fixtures.document("b.txt", List.of(Fixtures.injected("b.txt"))), provenance());
            store.save(Fixtures.document("c.txt", List.of(Fixtures.gdp("c.txt"))), provenance());
            new OutputParts(out).write(store, reviews, rows(store, "a.txt", "b.txt", "c.txt"));
            Path jsonl = out.resolve(OutputWriter.FIGURES_JSONL);
            Object inode = Files.readAttributes(jsonl, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

            // the first document changes (new bytes, one figure fewer): the file is cut after the header and rewritten
            DocumentResult a2 = Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt")));
            store.save(new DocumentResult(new figtrace.model.SourceFile("a.txt", "ef".repeat(32), 10,
                    figtrace.model.DocType.TXT), a2.parsed(), a2.figures()), provenance());
            List<DocumentRow> current = rows(store, "a.txt", "b.txt", "c.txt");
            new OutputParts(out).write(store, reviews, current);
            assertEqualsWholeWrite(store, current, out, tmp.resolve("whole1"));
            assertEquals(inode, Files.readAttributes(jsonl, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                    "patched in place, not replaced");

            // the middle document gets new content but the same records: its parts are byte for byte the old ones
            Thread.sleep(20);
            long before = mtime(jsonl);
            DocumentResult b2 = Fixtures.document("b.txt", List.of(Fixtures.injected("b.txt")));
            store.save(new DocumentResult(new figtrace.model.SourceFile("b.txt", "ab".repeat(32), 10,
                    figtrace.model.DocType.TXT), b2.parsed(), b2.figures()), provenance());
            current = rows(store, "a.txt", "b.txt", "c.txt");
            new OutputParts(out).write(store, reviews, current);
            assertEqualsWholeWrite(store, current, out, tmp.resolve("whole2"));
            assertEquals(before, mtime(jsonl), "no byte of figures.jsonl changed, so it is not written");

            // a document removed from the middle, and the output edited by hand: written whole again
            current = rows(store, "a.txt", "c.txt");
            new OutputParts(out).write(store, reviews, current);
            assertEqualsWholeWrite(store, current, out, tmp.resolve("whole3"));
            Files.writeString(jsonl, "edited\n");
            new OutputParts(out).write(store, reviews, current);
            assertEqualsWholeWrite(store, current, out, tmp.resolve("whole4"));
        }
    }

    @Test
    void figuresCsvShowsReviewsAndAReviewRewritesOnlyItsDocumentsParts(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        try (Store store = Store.open(out.resolve("figtrace.db"));
             figtrace.review.ReviewStore reviews = figtrace.review.ReviewStore.open(out.resolve("figtrace.db"))) {
            store.save(Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt"), Fixtures.growth("a.txt"))), provenance());
            store.save(Fixtures.document("b.txt", List.of(Fixtures.injected("b.txt"))), provenance());
            List<DocumentRow> current = rows(store, "a.txt", "b.txt");
            new OutputParts(out).write(store, reviews, current);
            Set<Path> before = parts(out);

            reviews.record(new figtrace.review.FigureKey("b.txt", "f-inj"), figtrace.review.Action.CORRECT, "region",
                    "新疆", null);
            new OutputParts(out).write(store, reviews, current);
            Set<Path> after = parts(out);
            String aKey = OutputParts.key(current.get(0), null);
            assertEquals(before.stream().filter(p -> p.getFileName().toString().startsWith(aKey)).collect(Collectors.toSet()),
                    after.stream().filter(p -> p.getFileName().toString().startsWith(aKey)).collect(Collectors.toSet()),
                    "a.txt has no decision: its parts stay");
            assertFalse(after.containsAll(before), "b.txt's parts are written again with its decision");

            List<String[]> csv = readCsv(out.resolve(OutputWriter.FIGURES_CSV));
            List<String> header = List.of(csv.get(0));
            assertEquals(figtrace.review.ReviewedExport.header(), header);
            String[] inj = csv.stream().filter(r -> r[0].equals("f-inj")).findFirst().orElseThrow();
            assertEquals("corrected", inj[header.indexOf("review_status")]);
            assertEquals("新疆", inj[header.indexOf("region")], "the correction is applied");
            assertEquals("-3.5", inj[header.indexOf("value")], "a negative number stays a number");
            assertEquals("-3.5", inj[header.indexOf("value_num")]);
            String[] gdp = csv.stream().filter(r -> r[0].equals("f-gdp")).findFirst().orElseThrow();
            assertEquals("unreviewed", gdp[header.indexOf("review_status")]);
            assertEquals("661693000000", gdp[header.indexOf("value_num")]);
            // figures.jsonl stays the extraction as extracted
            assertTrue(Files.readString(out.resolve(OutputWriter.FIGURES_JSONL)).contains("\"region\":null"));
        }
    }

    @Test
    void tablesAreWrittenFromPartsAndOnlyAChangedDocumentsTableCsvsAreRewritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        try (Store store = Store.open(out.resolve("figtrace.db"));
             figtrace.review.ReviewStore reviews = figtrace.review.ReviewStore.open(out.resolve("figtrace.db"))) {
            store.save(withTables(Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt"))), "ab",
                    table("a.txt", 0, "表1 收入"), table("a.txt", 1, "表2 支出")), provenance());
            store.save(withTables(Fixtures.document("b.txt", List.of(Fixtures.injected("b.txt"))), "ab",
                    table("b.txt", 0, "表1 收入")), provenance());
            List<DocumentRow> current = rows(store, "a.txt", "b.txt");
            new OutputParts(out).write(store, reviews, current);
            assertEqualsWholeWrite(store, current, out, tmp.resolve("whole1"));
            Path aCsv = out.resolve("tables/a.txt-t01.csv"), bCsv = out.resolve("tables/b.txt-t01.csv");
            long aTime = mtime(aCsv), bTime = mtime(bCsv);

            Thread.sleep(20);
            store.save(withTables(Fixtures.document("b.txt", List.of(Fixtures.injected("b.txt"))), "cd",
                    table("b.txt", 0, "表1 收入（调整）")), provenance());
            current = rows(store, "a.txt", "b.txt");
            new OutputParts(out).write(store, reviews, current);
            assertEqualsWholeWrite(store, current, out, tmp.resolve("whole2"));
            assertEquals(aTime, mtime(aCsv), "an unchanged document's table CSV is not written again");
            assertTrue(mtime(bCsv) > bTime, "the changed document's table CSV is written again");

            Files.delete(aCsv);
            new OutputParts(out).write(store, reviews, current);
            assertTrue(Files.isRegularFile(aCsv), "a table CSV someone deleted is written again from the store");

            new OutputParts(out).write(store, reviews, rows(store, "b.txt"));
            assertFalse(Files.exists(aCsv), "the tables of a document no longer in the corpus are removed");
            assertFalse(Files.exists(out.resolve("tables/a.txt-t02.csv")));
            assertTrue(Files.isRegularFile(bCsv));
        }
    }

    private static DocumentResult withTables(DocumentResult d, String sha, figtrace.model.Table... tables) {
        figtrace.model.SourceFile s = d.source();
        return new DocumentResult(new figtrace.model.SourceFile(s.name(), sha.repeat(32), s.size(), s.type()),
                d.parsed(), d.figures(), d.entities(), d.measures(), d.links(), List.of(tables));
    }

    private static figtrace.model.Table table(String doc, int seq, String caption) {
        List<figtrace.model.TableColumn> columns = List.of(
                new figtrace.model.TableColumn(0, "项目", "label", null, null, null, null, null),
                new figtrace.model.TableColumn(1, "2024年完成数", "value", null, "2024", "完成数", null, null));
        List<figtrace.model.TableRow> rows = List.of(
                new figtrace.model.TableRow(0, 1, 1, 0, 10, "税收收入", 0, -1, "税收收入", null, null));
        List<figtrace.model.TableCell> cells = List.of(
                new figtrace.model.TableCell(0, 0, 0, 4, "税收收入", null),
                new figtrace.model.TableCell(0, 1, 5, 10, "1,234", null));
        return new figtrace.model.Table("t-" + doc + seq + caption.length(), doc, seq, List.of(1), caption, "万元", null,
                List.of(List.of("项目", "2024年完成数")), columns, rows, cells);
    }

    private static void assertTablesEqualWholeWrite(Store store, List<DocumentRow> current, Path out, Path whole)
            throws Exception {
        List<figtrace.model.Table> tables = new ArrayList<>();
        for (DocumentRow r : current) tables.addAll(store.tables(r.doc()));
        new OutputWriter(whole).writeTables(tables);
        assertArrayEquals(Files.readAllBytes(whole.resolve(OutputWriter.TABLES_JSONL)),
                Files.readAllBytes(out.resolve(OutputWriter.TABLES_JSONL)), "tables.jsonl");
        try (Stream<Path> csvs = Files.list(whole.resolve(OutputWriter.TABLES_DIR))) {
            for (Path csv : csvs.toList()) {
                assertArrayEquals(Files.readAllBytes(csv),
                        Files.readAllBytes(out.resolve(OutputWriter.TABLES_DIR).resolve(csv.getFileName())), csv.toString());
            }
        }
        try (Stream<Path> a = Files.list(whole.resolve(OutputWriter.TABLES_DIR));
             Stream<Path> b = Files.list(out.resolve(OutputWriter.TABLES_DIR))) {
            assertEquals(a.count(), b.count(), "the same table CSVs");
        }
    }

    @Test
    void quotesOfFiguresCsvAreOnOneLine(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Figure twoLines = new Figure("f-two", "c.txt", 1, 1, 0, 33, "2024年全区地区生产总值\n6616.93亿元", 14, 23,
                "6616.93亿元", new java.math.BigDecimal("661693000000"), "CNY", null, figtrace.model.FigureKind.MONEY,
                null, "2024", "新疆", "地区生产总值", "gdp", null, false, "figures:money", null);
        try (Store store = Store.open(out.resolve("figtrace.db"));
             figtrace.review.ReviewStore reviews = figtrace.review.ReviewStore.open(out.resolve("figtrace.db"))) {
            store.save(Fixtures.document("c.txt", List.of(twoLines)), provenance());
            new OutputParts(out).write(store, reviews, rows(store, "c.txt"));
            List<String[]> csv = readCsv(out.resolve(OutputWriter.FIGURES_CSV));
            assertEquals("2024年全区地区生产总值 6616.93亿元", csv.get(1)[List.of(csv.get(0)).indexOf("quote")]);
            assertTrue(Files.readString(out.resolve(OutputWriter.FIGURES_JSONL)).contains("生产总值\\n6616.93"),
                    "JSONL keeps the exact quote");
        }
    }

    private static List<String[]> readCsv(Path file) throws Exception {
        String text = Files.readString(file);
        assertEquals('\uFEFF', text.charAt(0));
        try (com.opencsv.CSVReader reader = new com.opencsv.CSVReader(new java.io.StringReader(text.substring(1)))) {
            return reader.readAll();
        }
    }

    private static Store.Provenance provenance() {
        return new Store.Provenance(null, "rules", "v1");
    }

    private static List<DocumentRow> rows(Store store, String... docs) {
        Map<String, DocumentRow> all = store.documentRows();
        List<DocumentRow> rows = new ArrayList<>();
        for (String d : docs) rows.add(all.get(d));
        return rows;
    }

    private static void assertEqualsWholeWrite(Store store, List<DocumentRow> current, Path out, Path whole) throws Exception {
        List<Figure> figures = new ArrayList<>();
        List<figtrace.model.Entity> entities = new ArrayList<>();
        List<figtrace.model.Measure> measures = new ArrayList<>();
        for (DocumentRow r : current) {
            figures.addAll(store.figuresInExtractionOrder(r.doc()));
            entities.addAll(store.entities(r.doc()));
            measures.addAll(store.measures(r.doc()));
        }
        new OutputWriter(whole).writeAll(current, List.of(), figures, entities, measures);
        for (String f : OUTPUTS) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve(OutputWriter.FIGURES_JSONL)).lines().count() >= 2);
        assertTablesEqualWholeWrite(store, current, out, whole);
    }

    private static Set<Path> parts(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve(OutputParts.DIR))) {
            return s.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
