package figtrace.cli;

import figtrace.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real {@code kill -9}: figtrace runs as a separate process on real documents and is killed outright once it has
 * saved its first document, mid-way through the rest. The next run must find a sound database, finish the work, and
 * leave exactly what a clean run leaves.
 */
class CrashSafetyIT {
    private static final List<String> DOCS = List.of("docx_hotan_xinjiang_2025_tjgb.docx",
            "html_urumqi_xinjiang_2025_tjgb_utf8.html", "pdf_qiandongnan_guizhou_2023_tjgb.pdf");
    /** Columns that say when, not what: they differ between any two runs. */
    private static final Set<String> TIMES = Set.of("extracted_at", "retired_at", "mtime_ns");

    @TempDir Path tmp;

    @Test
    void aRunKilledWithSigkillLeavesASoundDatabaseAndTheNextRunCompletesIt() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (String doc : DOCS) Files.copy(Path.of("src/test/resources/docs", doc), corpus.resolve(doc));
        Path crashed = tmp.resolve("crashed"), clean = tmp.resolve("clean");
        String patterns = Path.of("patterns").toAbsolutePath().toString();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "figtrace.cli.Main", "run", corpus.toString(),
                "--out", crashed.toString(), "--patterns", patterns, "-q")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180); // a shared, busy machine can be slow to start
            while (documentsSaved(crashed.resolve("figtrace.db")) < 1 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(child.isAlive(), "the child finished before it could be killed; give it more documents: "
                    + Files.readString(tmp.resolve("child.log")));

            // While it runs, another run on the same folder is refused, naming the child.
            StringWriter err = new StringWriter();
            assertEquals(Main.BUSY, run(err, "run", corpus.toString(), "--out", crashed.toString(), "--patterns",
                    patterns, "--wait", "0"));
            assertTrue(err.toString().contains("(pid " + child.pid() + ")"), err.toString());

            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        int savedBeforeKill = documentsSaved(crashed.resolve("figtrace.db"));
        assertTrue(savedBeforeKill >= 1 && savedBeforeKill < DOCS.size(), "killed mid-run: " + savedBeforeKill);

        assertEquals(Main.OK, run(new StringWriter(), "run", corpus.toString(), "--out", crashed.toString(),
                "--patterns", patterns));
        assertEquals(Main.OK, run(new StringWriter(), "run", corpus.toString(), "--out", clean.toString(),
                "--patterns", patterns));

        try (SqliteStore store = SqliteStore.open(crashed.resolve("figtrace.db"))) {
            assertEquals(List.of("ok"), store.integrityCheck());
        }
        for (String table : List.of("documents", "figures", "document_text")) {
            List<String> expected = content(clean.resolve("figtrace.db"), table);
            assertFalse(expected.isEmpty());
            assertEquals(expected, content(crashed.resolve("figtrace.db"), table), table);
        }
        assertEquals(Files.readString(clean.resolve("figures.jsonl")), Files.readString(crashed.resolve("figures.jsonl")));
    }

    /**
     * Kills at random moments, not only after the first saved document: while the schema is created, mid-document,
     * while outputs are written. The delays come from a fixed seed so a failure can be replayed; each kill lands on a
     * run that resumes the previous killed one. Afterwards one normal run must leave what a clean run leaves.
     */
    @Test
    void killsAtRandomMomentsNeverLoseOrCorruptAnything() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (String doc : DOCS) Files.copy(Path.of("src/test/resources/docs", doc), corpus.resolve(doc));
        Path crashed = tmp.resolve("crashed"), clean = tmp.resolve("clean");
        String patterns = Path.of("patterns").toAbsolutePath().toString();
        java.util.Random random = new java.util.Random(20261207);
        int kills = 0;
        for (int trial = 0; trial < RANDOM_KILLS; trial++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "figtrace.cli.Main", "run", corpus.toString(),
                    "--out", crashed.toString(), "--patterns", patterns, "-q")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child" + trial + ".log").toFile()).start();
            try {
                Thread.sleep(300 + random.nextInt(6_000)); // JVM start-up alone takes ~1 s: some kills land before any work
                if (child.isAlive()) kills++;
                child.destroyForcibly();
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            } finally {
                child.destroyForcibly();
            }
            if (Files.exists(crashed.resolve("figtrace.db"))) {
                try (SqliteStore store = SqliteStore.open(crashed.resolve("figtrace.db"))) {
                    assertEquals(List.of("ok"), store.integrityCheck(), "after kill " + trial);
                }
            }
        }
        assertTrue(kills >= 1, "no child was still running when killed: the delays are too long for this corpus");
        assertEquals(Main.OK, run(new StringWriter(), "run", corpus.toString(), "--out", crashed.toString(),
                "--patterns", patterns));
        assertEquals(Main.OK, run(new StringWriter(), "run", corpus.toString(), "--out", clean.toString(),
                "--patterns", patterns));
        for (String table : List.of("documents", "figures", "document_text")) {
            List<String> expected = content(clean.resolve("figtrace.db"), table);
            assertFalse(expected.isEmpty());
            assertEquals(expected, content(crashed.resolve("figtrace.db"), table), table);
        }
        assertEquals(Files.readString(clean.resolve("figures.jsonl")), Files.readString(crashed.resolve("figures.jsonl")));
        System.out.printf("run crash suite: %d random kills, database sound after each, outputs equal a clean run%n", kills);
    }

    /** Bounded for CI: each trial is at most ~6 s. */
    private static final int RANDOM_KILLS = 5;

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** Committed document rows, read as any other SQLite reader would while the run goes on; 0 before the file exists. */
    private static int documentsSaved(Path db) {
        if (!Files.exists(db)) return 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 1000");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM documents")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            return 0; // the schema is still being created
        }
    }

    /** Every row of a table as text, timestamps left out, in a fixed order. */
    private static List<String> content(Path db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (TIMES.contains(meta.getColumnName(i))) continue;
                    row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append('\u001f');
                }
                rows.add(row.toString());
            }
            rows.sort(null);
            return rows;
        }
    }
}
