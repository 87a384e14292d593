package figtrace.store;

import figtrace.model.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SqliteStoreTest {

    @TempDir Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private Path db() { return dir.resolve("extracted/figtrace.db"); }

    @Test
    void storedRowsEqualTheInput() throws Exception {
        List<Figure> figures = List.of(Fixtures.gdp("a.txt"), Fixtures.growth("a.txt"), Fixtures.injected("a.txt"));
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            store.save(Fixtures.document("a.txt", figures));
            assertEquals(List.of("a.txt"), store.documents());
            assertEquals(figures, store.figures("a.txt"));
            assertEquals(Fixtures.TEXT, store.documentText("a.txt").orElseThrow());
        }
        try (Connection c = jdbc(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT * FROM documents");
            assertTrue(rs.next());
            assertEquals("ab".repeat(32), rs.getString("sha256"));
            assertEquals("txt", rs.getString("type"));
            assertNull(rs.getObject("pages"));
            assertEquals("ok_with_issues", rs.getString("status"));
            assertEquals("wrong_extension: looks like HTML | odd: second issue", rs.getString("issues"));
            assertEquals(3, rs.getInt("figure_count"));
            assertEquals("{\"author\":\"统计局\",\"title\":\"新疆统计公报\"}", rs.getString("metadata"));
            assertEquals("2026-01-02T03:04:05Z", rs.getString("extracted_at"));
            assertEquals("新疆统计公报", rs.getString("title"), "metadata also as columns (migration 007)");
            assertEquals("统计局", rs.getString("author"));
            assertNull(rs.getObject("issuer"), "a field the document does not say is NULL");
            assertNull(rs.getObject("own_region"));
            rs = st.executeQuery("SELECT value, typeof(value), value_num, target FROM figures WHERE id = 'f-gdp'");
            assertTrue(rs.next());
            assertEquals("661693000000", rs.getString(1));
            assertEquals("text", rs.getString(2));
            assertEquals(661693000000.0, rs.getDouble(3));
            assertEquals(0, rs.getInt(4));
            rs = st.executeQuery("PRAGMA journal_mode");
            assertEquals("wal", rs.next() ? rs.getString(1) : null);
        }
    }

    @Test
    void everyMetadataFieldIsAColumnFilledOnSave() throws Exception {
        java.util.Map<String, String> metadata = new java.util.LinkedHashMap<>();
        for (String key : DocumentMetadataColumns.ALL) metadata.put(key, "v-" + key);
        metadata.remove("date");
        metadata.put("created", "2025-04-09T09:36:00Z"); // a DOCX's creation date stands in for the date
        var base = Fixtures.document("m.txt", List.of());
        var parsed = new figtrace.model.ParsedDocument(base.parsed().text(), 3, base.parsed().status(),
                base.parsed().issues(), metadata);
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            store.save(new figtrace.model.DocumentResult(base.source(), parsed, List.of()));
        }
        try (Connection c = jdbc(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT " + String.join(", ", DocumentMetadataColumns.ALL)
                    + ", metadata FROM documents WHERE doc = 'm.txt'");
            assertTrue(rs.next());
            for (String key : DocumentMetadataColumns.ALL) {
                assertEquals(key.equals("date") ? "2025-04-09T09:36:00Z" : "v-" + key, rs.getString(key), key);
            }
            assertTrue(rs.getString("metadata").contains("\"created\":\"2025-04-09T09:36:00Z\""),
                    "the JSON keeps every field for compatibility");
        }
    }

    @Test
    void resavingADocumentReplacesItsRowsOnly() {
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            store.save(Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt"), Fixtures.growth("a.txt"))));
            store.save(Fixtures.document("b.txt", List.of(Fixtures.gdp("b.txt"))));
            store.save(Fixtures.document("a.txt", List.of(Fixtures.injected("a.txt"))));
            assertEquals(List.of(Fixtures.injected("a.txt")), store.figures("a.txt"));
            assertEquals(List.of(Fixtures.gdp("b.txt")), store.figures("b.txt"), "same id in another document is fine");
            assertEquals(List.of("a.txt", "b.txt"), store.documents());
        }
    }

    @Test
    void failureMidDocumentKeepsThePreviousRows() {
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            List<Figure> before = List.of(Fixtures.gdp("a.txt"), Fixtures.growth("a.txt"));
            store.save(Fixtures.document("a.txt", before));
            // Two figures with one id violate the primary key half-way through the insert.
            var broken = Fixtures.document("a.txt", List.of(Fixtures.injected("a.txt"), Fixtures.gdp("a.txt"),
                    Fixtures.gdp("a.txt")));
            StoreException e = assertThrows(StoreException.class, () -> store.save(broken));
            assertTrue(e.getMessage().contains("a.txt"), e.getMessage());
            assertEquals(before, store.figures("a.txt"));
            assertEquals(Fixtures.TEXT, store.documentText("a.txt").orElseThrow());
            // and the store is still usable afterwards
            store.save(Fixtures.document("a.txt", List.of(Fixtures.injected("a.txt"))));
            assertEquals(List.of(Fixtures.injected("a.txt")), store.figures("a.txt"));
        }
    }

    @Test
    void figureOfAnotherDocumentIsRefusedClearly() {
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            StoreException e = assertThrows(StoreException.class,
                    () -> store.save(Fixtures.document("a.txt", List.of(Fixtures.gdp("b.txt")))));
            assertTrue(e.getMessage().contains("names document b.txt"), e.getMessage());
            assertEquals(List.of(), store.documents());
        }
    }

    @Test
    void reopeningKeepsDataAndSchemaVersion() throws Exception {
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            store.save(Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt"))));
        }
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            assertEquals(List.of(Fixtures.gdp("a.txt")), store.figures("a.txt"));
        }
        try (Connection c = jdbc(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertEquals(SqliteStore.schemaVersion(), rs.getInt(1));
        }
    }

    @Test
    void newerSchemaVersionIsRefusedWithAClearMessage() throws Exception {
        SqliteStore.open(db(), CLOCK).close();
        try (Connection c = jdbc(); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + (SqliteStore.schemaVersion() + 1));
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(db(), CLOCK));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertTrue(e.getMessage().contains(db().toString()), e.getMessage());
    }

    @Test
    void foreignDatabaseIsRefused() throws Exception {
        java.nio.file.Files.createDirectories(db().getParent());
        try (Connection c = jdbc(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE something_else (x)");
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(db(), CLOCK));
        assertTrue(e.getMessage().contains("not a figtrace"), e.getMessage());
    }

    private Connection jdbc() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + db());
    }

    @Test
    void aStoredDocumentRowReadsBackWithItsIssuesMetadataAndProvenance() {
        var result = Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt"), Fixtures.growth("a.txt")));
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            store.save(result, new Store.Provenance(123L, "rules-fp", "v9"));
            DocumentRow row = store.documentRows().get("a.txt");
            DocumentRow expected = DocumentRow.of(result);
            assertEquals(new DocumentRow(expected.doc(), expected.sha256(), expected.size(), 123L, expected.type(),
                    expected.pages(), expected.status(), expected.issues(), 2, expected.metadata(), "rules-fp", "v9",
                    false, null), row);
            assertTrue(row.madeBy("rules-fp", "v9"));
            assertFalse(row.madeBy("other", "v9"));
            assertEquals(List.of(Fixtures.gdp("a.txt"), Fixtures.growth("a.txt")), store.figuresInExtractionOrder("a.txt"));
        }
    }

    @Test
    void retireAndRenameKeepEveryRow() {
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            store.save(Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt"))));
            store.retire("a.txt");
            assertTrue(store.documentRows().get("a.txt").retired());
            assertEquals("2026-01-02T03:04:05Z", store.documentRows().get("a.txt").retiredAt());
            assertEquals(1, store.figures("a.txt").size());

            store.rename("a.txt", "b/c.txt", 5, null);
            assertEquals(List.of("b/c.txt"), store.documents());
            assertFalse(store.documentRows().get("b/c.txt").retired(), "a file that is back is current again");
            assertEquals("f-gdp", store.figures("b/c.txt").get(0).id());
            assertEquals("b/c.txt", store.figures("b/c.txt").get(0).doc());
            assertEquals(Fixtures.TEXT, store.documentText("b/c.txt").orElseThrow());
            assertEquals(List.of("ok"), store.integrityCheck());
        }
    }

    @Test
    void documentLinesRoundTripAndMoveOnRename() {
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            store.save(figtrace.testing.TestDb.paper());
            List<int[]> lines = store.lines(figtrace.testing.TestDb.PAPER);
            assertEquals(6, lines.size());
            assertArrayEquals(new int[]{1, 1, 0, figtrace.testing.TestDb.PAPER_TEXT.indexOf('\n')}, lines.get(0));
            assertEquals(2, lines.get(3)[0], "the fourth line opens page 2");
            assertEquals(1, lines.get(3)[1], "and is numbered within its page");

            store.rename(figtrace.testing.TestDb.PAPER, "moved.pdf", 5, null);
            assertEquals(List.of(), store.lines(figtrace.testing.TestDb.PAPER));
            assertEquals(6, store.lines("moved.pdf").size());

            store.save(figtrace.testing.TestDb.paper());
            assertEquals(6, store.lines(figtrace.testing.TestDb.PAPER).size(), "saving again replaces, not adds");
            assertEquals(List.of("ok"), store.integrityCheck());
        }
    }

    @Test
    void aDatabaseFromBeforeIncrementalRunsGetsTheNewColumnsAndKeepsItsRows() throws Exception {
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            store.save(Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt"))));
        }
        try (Connection c = jdbc(); Statement st = c.createStatement()) {
            for (String column : List.of("size", "mtime_ns", "rules_fingerprint", "extractor_version", "issues_json",
                    "retired", "retired_at")) {
                st.execute("ALTER TABLE documents DROP COLUMN " + column);
            }
            st.execute("ALTER TABLE figures DROP COLUMN seq");
            st.execute("ALTER TABLE figures DROP COLUMN retired");
            st.execute("PRAGMA user_version = 1"); // what such a database says: migration 002 adds the columns
        }
        try (SqliteStore store = SqliteStore.open(db(), CLOCK)) {
            DocumentRow row = store.documentRows().get("a.txt");
            assertNull(row.rulesFingerprint(), "an old row names no rules, so the next run extracts it again");
            assertEquals(List.of(new figtrace.model.DocIssue("wrong_extension", "looks like HTML"),
                    new figtrace.model.DocIssue("odd", "second issue")), row.issues(), "issues read from the old text column");
            assertEquals(List.of(Fixtures.gdp("a.txt")), store.figuresInExtractionOrder("a.txt"));
        }
    }
}
