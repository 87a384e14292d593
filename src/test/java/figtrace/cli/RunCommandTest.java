package figtrace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest {
    private final StringWriter out = new StringWriter(), err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void badFilesGetAStatusTheRunGoesOnAndExitsThree(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(Path.of("corpus/004_ba8f813c9e095246.txt"), corpus.resolve("004.txt"));
        for (String bad : new String[]{"empty.txt", "truncated.pdf", "report_is_really_a_pdf.txt"}) {
            Files.copy(Path.of("src/test/resources/docs/bad", bad), corpus.resolve(bad), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(corpus.resolve("notes.xlsx"), "not read");
        Path outDir = tmp.resolve("out");

        assertEquals(Main.SOME_FAILED, run("run", corpus.toString(), "--out", outDir.toString()));

        String documents = Files.readString(outDir.resolve("documents.csv"), StandardCharsets.UTF_8);
        assertTrue(documents.startsWith("\uFEFF"), "BOM for Excel");
        assertTrue(documents.contains("\"empty.txt\"") && documents.contains("empty_text"), documents);
        assertTrue(documents.contains("parse_failed"), documents);
        assertTrue(documents.contains("wrong_extension"), documents);
        assertTrue(out.toString().contains("skipped: notes.xlsx"), out.toString());
        assertTrue(out.toString().contains("truncated.pdf"), "the summary names the failed file: " + out);
        assertFalse(err.toString().contains("Exception"), "no stack trace: " + err);
        assertTrue(Files.size(outDir.resolve("figures.jsonl")) > 0);
        assertTrue(Files.size(outDir.resolve("figtrace.db")) > 0);
    }

    @Test
    void aSecondRunOnTheSameOutputFolderWaitsThenRefusesWithTheHoldersPid(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(Path.of("corpus/004_ba8f813c9e095246.txt"), corpus.resolve("004.txt"));
        Path outDir = tmp.resolve("out");
        try (figtrace.pipeline.RunLock held = figtrace.pipeline.RunLock.acquire(outDir, java.time.Duration.ZERO)) {
            long t0 = System.nanoTime();
            assertEquals(Main.BUSY, run("run", corpus.toString(), "--out", outDir.toString(), "--wait", "0.5"));
            assertTrue(System.nanoTime() - t0 >= 400_000_000L, "it waited before refusing");
            assertTrue(err.toString().contains("another figtrace run is writing " + outDir + "/ (pid "
                    + ProcessHandle.current().pid() + "); wait for it or stop it"), err.toString());
            assertFalse(Files.exists(outDir.resolve("figures.jsonl")), "nothing written");
        }
        assertEquals(Main.OK, run("run", corpus.toString(), "--out", outDir.toString()), "free again once released");
    }

    @Test
    void aMissingCorpusIsBadUsageWithAMessage(@TempDir Path tmp) {
        assertEquals(Main.BAD_USAGE, run("run", tmp.resolve("nope").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }

    @Test
    void helpTeachesWithExamples() {
        assertEquals(0, run("run", "--help"));
        assertTrue(out.toString().contains("Examples:") && out.toString().contains("Exit codes"), out.toString());
    }

    @Test
    void brokenRulesAreReportedWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path patterns = tmp.resolve("patterns");
        Files.createDirectories(patterns);
        try (var files = Files.list(Path.of("patterns"))) {
            for (Path p : files.toList()) Files.copy(p, patterns.resolve(p.getFileName()));
        }
        Files.writeString(patterns.resolve("figures.rules"), "\nid: broken\npattern: (?P<num>[0-9]+(\nexample: 1 => none\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(Main.BAD_USAGE, run("rules", "check", "--patterns", patterns.toString()));
        assertTrue(err.toString().matches("(?s).*patterns/figures\\.rules:\\d+: rule 'broken': pattern is not a valid re2j expression.*"),
                err.toString());
    }
}
