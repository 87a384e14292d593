package figtrace.pipeline;

import figtrace.model.DocumentResult;
import figtrace.rules.Rules;
import figtrace.rules.RulesStage;
import figtrace.store.DocumentRow;
import figtrace.store.FiguresJsonl;
import figtrace.store.SqliteStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incremental runs on the sample corpus: only what changed is extracted, and nothing stored is silently lost. */
class IncrementalRunIT {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2025-01-01T00:00:00Z"));
    private static Rules rules;

    @TempDir Path tmp;
    private Path corpus, out;
    private final AtomicInteger pipelinesMade = new AtomicInteger();

    @BeforeAll
    static void loadRules() throws Exception {
        rules = RulesStage.load(Path.of("patterns"));
    }

    @BeforeEach
    void copySampleCorpus() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        out = tmp.resolve("out");
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                Path copy = Files.copy(p, corpus.resolve(p.getFileName()));
                Files.setLastModifiedTime(copy, LONG_AGO);
            }
        }
    }

    /** Counts what each run extracted, reused, renamed and retired. */
    private static class Counts implements CorpusRunner.Listener {
        final List<String> extracted = new ArrayList<>(), reused = new ArrayList<>(), renamed = new ArrayList<>(),
                retired = new ArrayList<>();

        @Override public void documentDone(DocumentResult r) { extracted.add(r.source().name()); }
        @Override public void documentReused(String name) { reused.add(name); }
        @Override public void documentRenamed(String from, String to) { renamed.add(from + " -> " + to); }
        @Override public void documentRetired(String name) { retired.add(name); }
    }

    private Counts run() throws Exception {
        return run(rules.fingerprint());
    }

    private Counts run(String fingerprint) throws Exception {
        Counts counts = new Counts();
        CorpusRunner runner = new CorpusRunner(fingerprint, () -> {
            pipelinesMade.incrementAndGet();
            return new Pipeline(rules);
        });
        CorpusRunner.Summary summary = runner.run(corpus, out, counts);
        assertEquals(counts.extracted.size(), summary.extracted());
        assertEquals(counts.reused.size(), summary.reused());
        return counts;
    }

    private byte[] output(String name) throws Exception {
        return Files.readAllBytes(out.resolve(name));
    }

    @Test
    void aSecondRunWithNoChangeExtractsNothingAndWritesIdenticalOutputs() throws Exception {
        assertEquals(5, run().extracted.size());
        byte[] jsonl = output("figures.jsonl"), csv = output("figures.csv"), documents = output("documents.csv");
        pipelinesMade.set(0);

        Counts second = run();

        assertEquals(List.of(), second.extracted);
        assertEquals(5, second.reused.size());
        assertEquals(0, pipelinesMade.get(), "nothing to extract, so the rules are not even loaded");
        assertArrayEquals(jsonl, output("figures.jsonl"));
        assertArrayEquals(csv, output("figures.csv"));
        assertArrayEquals(documents, output("documents.csv"));
    }

    @Test
    void outputsFromTheStoreEqualThoseWrittenStraightFromTheExtraction() throws Exception {
        run();
        List<DocumentResult> results = new ArrayList<>();
        Pipeline pipeline = new Pipeline(rules);
        for (Path f : CorpusListing.listFiles(corpus)) {
            results.add(pipeline.extract(CorpusListing.relativeName(corpus, f), Files.readAllBytes(f)));
        }
        Path direct = tmp.resolve("direct");
        new figtrace.store.OutputWriter(direct).writeAll(results);
        for (String name : List.of("figures.jsonl", "figures.csv", "documents.csv")) {
            assertArrayEquals(Files.readAllBytes(direct.resolve(name)), output(name), name);
        }
    }

    @Test
    void aChangedFileIsExtractedAgainAndOnlyIt() throws Exception {
        run();
        Path changed = corpus.resolve("002_5804e0cbd4a6df86.txt");
        Files.writeString(changed, "全年新增投资123.45亿元。\n" + Files.readString(changed), StandardCharsets.UTF_8);

        Counts second = run();

        assertEquals(List.of("002_5804e0cbd4a6df86.txt"), second.extracted);
        assertEquals(4, second.reused.size());
        assertTrue(Files.readString(out.resolve("figures.jsonl")).contains("123.45亿元"));
    }

    @Test
    void aFileChangedWithoutChangingItsSizeIsCaughtByItsHash() throws Exception {
        run();
        Path changed = corpus.resolve("001_af42bd6e8047a123.txt");
        String text = Files.readString(changed);
        int digit = text.indexOf('1');
        Files.writeString(changed, text.substring(0, digit) + "7" + text.substring(digit + 1));
        Files.setLastModifiedTime(changed, FileTime.from(LONG_AGO.toInstant().plusSeconds(60)));

        assertEquals(List.of("001_af42bd6e8047a123.txt"), run().extracted);
    }

    @Test
    void changedRulesRedoEveryDocument() throws Exception {
        run();
        assertEquals(5, run("another-fingerprint").extracted.size());
        assertEquals(5, run().extracted.size(), "and back again: the stored rows name the rules that made them");
    }

    @Test
    void aRemovedFileIsRetiredLeftOutOfTheOutputsButKeptInTheDatabase() throws Exception {
        run();
        String gone = "003_98ac6ed76d422493.txt";
        int figuresBefore;
        try (SqliteStore store = SqliteStore.open(out.resolve("figtrace.db"))) {
            figuresBefore = store.figures(gone).size();
        }
        assertTrue(figuresBefore > 0);
        Path moved = Files.move(corpus.resolve(gone), tmp.resolve(gone));

        Counts second = run();

        assertEquals(List.of(gone), second.retired);
        assertTrue(FiguresJsonl.read(out.resolve("figures.jsonl")).stream().noneMatch(f -> f.doc().equals(gone)));
        String documents = Files.readString(out.resolve("documents.csv"));
        assertTrue(documents.contains("\"" + gone + "\"") && documents.contains("\"retired\""), documents);
        try (SqliteStore store = SqliteStore.open(out.resolve("figtrace.db"))) {
            DocumentRow row = store.documentRows().get(gone);
            assertTrue(row.retired() && row.retiredAt() != null);
            assertEquals(figuresBefore, store.figures(gone).size(), "figures kept");
            assertEquals(List.of(1), retiredFlags(store, gone));
        }

        Files.move(moved, corpus.resolve(gone));
        Counts third = run();
        assertEquals(List.of(), third.extracted, "a file that comes back is taken back as it was");
        assertTrue(FiguresJsonl.read(out.resolve("figures.jsonl")).stream().anyMatch(f -> f.doc().equals(gone)));
        try (SqliteStore store = SqliteStore.open(out.resolve("figtrace.db"))) {
            assertFalse(store.documentRows().get(gone).retired());
            assertEquals(List.of(0), retiredFlags(store, gone));
        }
    }

    private static List<Integer> retiredFlags(SqliteStore store, String doc) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.file());
             var st = c.prepareStatement("SELECT DISTINCT retired FROM figures WHERE doc = ?")) {
            st.setString(1, doc);
            List<Integer> flags = new ArrayList<>();
            try (var rs = st.executeQuery()) {
                while (rs.next()) flags.add(rs.getInt(1));
            }
            return flags;
        }
    }

    @Test
    void aRenamedFileKeepsItsRecordsAndIds() throws Exception {
        run();
        String from = "004_ba8f813c9e095246.txt", to = "sub/renamed.txt";
        List<String> idsBefore;
        try (SqliteStore store = SqliteStore.open(out.resolve("figtrace.db"))) {
            idsBefore = store.figures(from).stream().map(figtrace.model.Figure::id).toList();
        }
        Files.createDirectories(corpus.resolve("sub"));
        Files.move(corpus.resolve(from), corpus.resolve(to));

        Counts second = run();

        assertEquals(List.of(from + " -> " + to), second.renamed);
        assertEquals(List.of(), second.extracted);
        assertEquals(List.of(), second.retired);
        try (SqliteStore store = SqliteStore.open(out.resolve("figtrace.db"))) {
            Map<String, DocumentRow> rows = store.documentRows();
            assertFalse(rows.containsKey(from));
            assertEquals(idsBefore, store.figures(to).stream().map(figtrace.model.Figure::id).toList());
            assertTrue(store.figures(to).stream().allMatch(f -> f.doc().equals(to)));
            assertTrue(store.documentText(to).isPresent());
        }
        assertTrue(FiguresJsonl.read(out.resolve("figures.jsonl")).stream().anyMatch(f -> f.doc().equals(to)));
        assertEquals(List.of(), run().extracted, "and the next run finds it unchanged");
    }

    @Test
    void aCancelledRunKeepsWhatItSavedAndTheNextRunDoesTheRest() throws Exception {
        CorpusRunner runner = new CorpusRunner(rules);
        Counts counts = new Counts() {
            @Override public void documentDone(DocumentResult r) {
                super.documentDone(r);
                runner.cancel();
            }
        };
        CorpusRunner.Summary summary = runner.run(corpus, out, counts);
        assertTrue(summary.cancelled());
        assertEquals(1, summary.extracted());
        assertFalse(Files.exists(out.resolve("figures.jsonl")), "no partial outputs");

        Counts next = run();
        assertEquals(4, next.extracted.size());
        assertEquals(1, next.reused.size());
        assertTrue(Files.size(out.resolve("figures.jsonl")) > 0);
    }

    @Test
    void temporaryFilesLeftByAKilledRunAreRemoved() throws Exception {
        Files.createDirectories(out);
        Path leftover = Files.writeString(out.resolve(".figures.jsonl.8123.tmp"), "half a file");
        Path unrelated = Files.writeString(out.resolve(".notes.tmp"), "not ours");
        run();
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(unrelated));
    }

    @Test
    void aDocumentWhoseStoredRowsDoNotAddUpIsExtractedAgain() throws Exception {
        run();
        String damaged = "000_e3c7a792a1080dbf.txt";
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + out.resolve("figtrace.db"));
             var st = c.prepareStatement("DELETE FROM figures WHERE doc = ? AND seq >= 10")) {
            st.setString(1, damaged);
            assertTrue(st.executeUpdate() > 0);
        }
        byte[] jsonl = output("figures.jsonl");

        assertEquals(List.of(damaged), run().extracted);
        assertArrayEquals(jsonl, output("figures.jsonl"));
    }
}
