package figtrace.store;

import figtrace.review.ReviewStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The numbered schema migrations: a new database gets them all, older databases are brought up to date. */
class SchemaMigrationsTest {
    @TempDir Path dir;

    @Test
    void migrationsAreNumberedOneToNWithoutGapsOrRepeats() {
        List<SchemaMigrations.Migration> all = SchemaMigrations.all();
        assertTrue(all.size() >= 2, "001_base and 002_…: " + all);
        for (int i = 0; i < all.size(); i++) assertEquals(i + 1, all.get(i).version(), all.get(i).file());
        assertEquals(all.size(), SqliteStore.schemaVersion());
    }

    @Test
    void statementsAreSplitAtLineEndingSemicolonsAndCommentsDropped() {
        assertEquals(List.of("CREATE TABLE a (x TEXT, -- inline stays\n  y TEXT)", "CREATE INDEX i ON a(x)"),
                SchemaMigrations.statements("-- a comment\nCREATE TABLE a (x TEXT, -- inline stays\n  y TEXT);\n\n"
                        + "CREATE INDEX i ON a(x);\n"));
    }

    @Test
    void aNewDatabaseGetsEveryTableAndTheLatestVersion() throws Exception {
        Path db = dir.resolve("new.db");
        SqliteStore.open(db).close();
        try (Connection c = jdbc(db)) {
            assertEquals(SqliteStore.schemaVersion(), version(c));
            assertEquals(List.of("cells", "decisions", "document_lines", "document_text", "documents", "entities", "figures",
                    "links", "measures", "panel", "panel_checks", "panel_sources", "table_decisions", "tables"), tables(c));
            assertTrue(names(c, "index").contains("review_figures_value"), "the store owns the review's indices");
        }
    }

    /**
     * A database written by figtrace before the schema was versioned (user_version 1, with the columns and tables it
     * gained on open, and a review decision) is migrated: same rows, decision kept, and it can be written again.
     */
    @Test
    void aDatabaseFromBeforeVersioningIsMigratedWithItsRowsAndDecisions() throws Exception {
        Path db = dir.resolve("old.db");
        try (InputStream in = getClass().getResourceAsStream("/store/figtrace-v1-before-versioning.db")) {
            Files.copy(in, db);
        }
        int figuresBefore;
        try (Connection c = jdbc(db)) {
            assertEquals(1, version(c));
            figuresBefore = count(c, "figures");
        }
        try (SqliteStore store = SqliteStore.open(db)) {
            assertEquals(List.of("001_af42bd6e8047a123.txt", "003_98ac6ed76d422493.txt"), store.documents());
            assertEquals(4, store.figures("003_98ac6ed76d422493.txt").size());
            store.save(Fixtures.document("new.txt", List.of(Fixtures.gdp("new.txt"))));
            assertEquals(List.of("ok"), store.integrityCheck());
        }
        try (Connection c = jdbc(db)) {
            assertEquals(SqliteStore.schemaVersion(), version(c));
            assertEquals(figuresBefore + 1, count(c, "figures"));
        }
        try (ReviewStore reviews = ReviewStore.open(db)) {
            assertEquals(1, reviews.all().size());
            assertEquals("f78ff0ee7df8d6614", reviews.all().get(0).figureId());
        }
    }

    /** A version-1 database that never gained the later columns gets them from migration 002. */
    @Test
    void aBareVersionOneDatabaseGainsTheLaterColumns() throws Exception {
        Path db = versionOne("bare.db", null);
        try (SqliteStore store = SqliteStore.open(db)) {
            store.save(Fixtures.document("a.txt", List.of(Fixtures.gdp("a.txt"))));
            assertEquals(1, store.figures("a.txt").size());
        }
        try (Connection c = jdbc(db)) {
            assertEquals(SqliteStore.schemaVersion(), version(c));
            assertTrue(columns(c, "documents").containsAll(List.of("size", "mtime_ns", "retired", "issues_json")));
            assertTrue(columns(c, "figures").containsAll(List.of("seq", "retired")));
        }
    }

    @Test
    void aFailedMigrationLeavesTheDatabaseAsItWas() throws Exception {
        Path db = versionOne("broken.db", "CREATE TABLE decisions (x TEXT)"); // in the way of 002's decisions index
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(db));
        assertTrue(e.getMessage().contains("002_"), e.getMessage());
        try (Connection c = jdbc(db)) {
            assertEquals(1, version(c));
            assertTrue(!columns(c, "documents").contains("size"), "002's first statements were rolled back");
        }
    }

    /** A database with only migration 001, at version 1, plus {@code extra} SQL when given. */
    private Path versionOne(String name, String extra) throws Exception {
        Path db = dir.resolve(name);
        try (Connection c = jdbc(db); Statement st = c.createStatement()) {
            for (String sql : SchemaMigrations.all().get(0).statements()) st.execute(sql);
            st.execute("PRAGMA user_version = 1");
            if (extra != null) st.execute(extra);
        }
        return db;
    }

    private static Connection jdbc(Path db) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    private static int version(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    private static int count(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getInt(1);
        }
    }

    private static List<String> tables(Connection c) throws Exception {
        List<String> t = names(c, "table");
        t.remove("sqlite_sequence");
        return t;
    }

    private static List<String> names(Connection c, String type) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = '" + type + "' ORDER BY name")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static List<String> columns(Connection c, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) out.add(rs.getString("name"));
        }
        return out;
    }
}
